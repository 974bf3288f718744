"""Lexicon: the word lists and tables more than one stage reads, below all stages.

The actor dictionary (``dictionary``), the gazetteer (``gazetteer``), the CAMEO table (``cameo``),
the attribution cues (``cues``) and the parse helpers shared by stages (``parse``), with one reader
for shipped and user tables (``tables``). Nothing here imports from a stage package.
"""

__all__: list[str] = []

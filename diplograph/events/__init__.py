"""Events: who did what to whom, read from the parse and coded in CAMEO and PLOVER.

The spaCy component ``diplograph_events`` (``diplograph.events.component``) reads ``doc._.actors``,
``doc._.places`` and ``doc._.quotes`` and assigns ``doc._.events`` (list of ``diplograph.model.Event``,
deduplicated per article, ids e1, e2, ...). Its parts: ``cameo`` (the code table), ``verbs`` (the
pattern dictionary), ``coder`` (triggers and codes; the parties in ``_roles``, parse helpers in
``_grammar``, word lists in ``_words``, one-episode rules in ``_episodes``), ``modes`` (asserted,
negated, hypothetical, future, question), ``dedup``, and ``petrarch_verbs`` (PETRARCH verb
dictionaries read as our rows).

Users' pattern files (component config ``extra_files``, ``--verbs FILE`` on the command line) use the
columns of ``data/verbs/petrarch2.tsv``: ``verb<TAB>pattern<TAB>cameo<TAB>reverse``, e.g.
``lambast<TAB><TAB>111<TAB>`` or ``sign<TAB>* truce<TAB>057<TAB>057``; their rows win ties, and a
row that is not a CAMEO code raises InputError naming the file and line.
"""

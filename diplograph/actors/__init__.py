"""Actors: who is named in a news text, resolved to a country, a CAMEO sector and code, on a date.

``find_actors(doc, dictionary, published)`` returns ``(actors, places)`` for a parsed spaCy Doc;
the spaCy component ``diplograph_actors`` (``diplograph.actors.component``) assigns them to
``doc._.actors`` and ``doc._.places``. ``load_dictionary(extra_files)`` builds the dictionary once
per process from the data files under ``diplograph/data/actors/`` plus users' files.

Users' actor files (the CLI's ``--actors FILE``) are UTF-8 text, one entry per line, fields
separated by TABs; lines starting with ``#`` and blank lines are ignored::

    # name            code     kind    aliases                  from        until
    Gustavo Petro     COLGOV   person  Petro|Gustavo Petro Urrego  2022-08-07
    Acme Militia      COLREB   group   Acme|the Acme fighters

- name: canonical name, written to the output; several lines with the same name are the
  successive offices of one actor
- code: CAMEO actor code as GDELT writes it: ISO3 country + sector (RUSGOV, COLDIP), IGO...,
  NGO...
- kind: person, country, government, organisation, igo, media, group (or demonym, capital,
  place for place names)
- aliases: other names, separated by ``|`` (optional)
- from, until: ISO dates (YYYY-MM-DD) bounding the office (optional; empty = open)

An entry in a user's file replaces every shipped entry with the same name (case-insensitive).
A malformed line raises ``diplograph.errors.InputError`` naming the file and the line.
"""

from ..lexicon.dictionary import ActorDictionary, load_dictionary
from .resolve import find_actors

__all__ = ["ActorDictionary", "find_actors", "load_dictionary"]

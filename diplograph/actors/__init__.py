"""Actors: who is named in a news text, resolved to a country and a CAMEO role (placeholder)."""

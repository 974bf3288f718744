"""Quotes: direct and reported speech with its cue, speaker and via-chain of outlets."""

"""Events: who did what to whom, read from the parse and coded in CAMEO and PLOVER."""

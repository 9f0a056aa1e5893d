"""vndgaf — the reference model of Vietnam's Digital Government Architecture Framework."""

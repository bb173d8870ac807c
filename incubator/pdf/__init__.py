"""What every PDF shares: fonts, user text cleaned, shaped, wrapped and fitted to a box."""

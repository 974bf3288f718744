"""When: each event's date, resolved from its sentence against the publication date."""

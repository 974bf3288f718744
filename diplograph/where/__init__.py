"""Where: each event's place, geocoded from its sentence with the offline gazetteer."""

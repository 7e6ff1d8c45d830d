"""Units of measure: built-in units, organizations' custom units, exact conversion."""

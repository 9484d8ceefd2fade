"""Reference tables: official budget figures to check documents against.

A reference table is a CSV of the Rijksbegroting (the rijksfinancien begrotingsstaten, the
Budgettaire Tabellen, or any CSV described by a mapping file). :mod:`.table` reads it into an
index by year, kind (uitgaven, verplichtingen, ontvangsten), chapter, article and phase;
:mod:`.keys` reads those keys from words ("hoofdstuk VI", "1e suppletoire"); :mod:`.syntax`
is the ``ref(...)`` written in formulas; :mod:`.link` links a document's figures to the table.
The format and the mapping file are documented in docs/reference-tables.md.
"""

"""Presenting the selected frame: amounts written for readers
(:mod:`~dashboard.present.format`), charts as pure functions of a DataFrame
(:mod:`~dashboard.present.charts`, plotly, no Dash) and the export
(:mod:`~dashboard.present.export`). Nothing here knows about Dash or the URL."""

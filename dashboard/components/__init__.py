"""Dash building blocks of the dashboard: controls, views, grid, layout and
the (thin) callbacks that connect them to :mod:`dashboard.view` and
:mod:`dashboard.figures`."""

"""Pure figure builders, one module per topic: arrays and a ``Style`` in, plotly figures out.

They import no streamlit, so they are tested with plain pytest (``tests/figures/``), cached by
the pages without dummy arguments, and run at every slider position by the live element's sweeps.
``cells`` draws arrays as cells for every page that shows an array.
"""

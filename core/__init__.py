"""Pure NumPy maths behind the explainer: no Streamlit, no plotly.

Every function here is small, documented with its formula, and tested against a
NumPy or scikit-learn reference in ``tests/``.
"""

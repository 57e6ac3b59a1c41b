"""The Streamlit side of the explainer: entry script, page registry and shared UI helpers."""

"""The lesson's words, one module per page: a teacher fixing a sentence edits one file.

Static text is written as Markdown constants; sentences with live numbers are small functions
of those numbers. No streamlit here: tests check the sentences on both sides of their thresholds.
"""

"""Class questions: the wall asks, every phone answers, the picture shows the whole class.

``store`` keeps classes and answers (SQLite on one machine, Redis on several), ``answers``
checks what a student sends, ``qr`` draws the join link, ``wall`` and ``student`` are the two
sides in Streamlit.
"""

# The explainer app in one container: slim Python 3.11, a non-root user, a health check.
#   docker build -t explainer .
#   docker run --rm -p 8501:8501 explainer        # then open http://localhost:8501
# Several replicas behind HAProxy with sticky sessions and one cookie secret: deploy/compose.yaml
# (docker compose -f deploy/compose.yaml up) and deploy/k8s/; see docs/deployment.md.
FROM python:3.11-slim

ENV PYTHONDONTWRITEBYTECODE=1 \
    PYTHONUNBUFFERED=1 \
    PIP_NO_CACHE_DIR=1 \
    PIP_DISABLE_PIP_VERSION_CHECK=1

# Only the app's own pins: no test tools and no browser in the image.
COPY requirements.txt /tmp/requirements.txt
RUN pip install -r /tmp/requirements.txt && rm /tmp/requirements.txt

RUN useradd --create-home --uid 10001 explainer
WORKDIR /home/explainer/app
COPY --chown=explainer:explainer .streamlit/ .streamlit/
COPY --chown=explainer:explainer app/ app/
COPY --chown=explainer:explainer core/ core/
COPY --chown=explainer:explainer pages/ pages/
# Class questions on one container: a SQLite file here (several replicas: STORE_URL=redis://...).
RUN install -d -o explainer -g explainer data
USER explainer

EXPOSE 8501
HEALTHCHECK --interval=30s --timeout=5s --start-period=20s --retries=3 \
    CMD python -c "import urllib.request, sys; sys.exit(urllib.request.urlopen('http://127.0.0.1:8501/_stcore/health', timeout=4).read().strip() != b'ok')"

# `python -m streamlit` from the app folder puts it on sys.path, so `import core` works.
CMD ["python", "-m", "streamlit", "run", "app/main.py", "--server.port=8501", "--server.address=0.0.0.0"]

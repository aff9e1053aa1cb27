# Ketendialoog mensenhandel: a small image that runs the Streamlit app as a non-root user.
# Build:  docker build -t ketendialoog .
# Run:    docker run -p 8501:8501 ketendialoog   (two replicas, PostgreSQL and nginx: deploy/docker-compose.yml)

# --- build stage: install the pinned runtime dependencies into a virtual environment ---
FROM python:3.11-slim AS build
ENV PIP_NO_CACHE_DIR=1 PIP_DISABLE_PIP_VERSION_CHECK=1
RUN python -m venv /opt/venv
COPY requirements.txt /tmp/requirements.txt
RUN /opt/venv/bin/pip install --upgrade pip && /opt/venv/bin/pip install -r /tmp/requirements.txt

# --- runtime stage: only the venv and the app ---
FROM python:3.11-slim
ENV PATH="/opt/venv/bin:$PATH" \
    PYTHONDONTWRITEBYTECODE=1 \
    PYTHONUNBUFFERED=1 \
    STREAMLIT_SERVER_HEADLESS=true \
    STREAMLIT_BROWSER_GATHER_USAGE_STATS=false
RUN useradd --create-home --uid 10001 app
COPY --from=build /opt/venv /opt/venv
WORKDIR /app
COPY --chown=app:app . /app
USER app
EXPOSE 8501
# Healthy when the database answers with a schema this code knows (python -m storage check) and the
# app answers on /_stcore/health.
HEALTHCHECK --interval=30s --timeout=10s --start-period=20s --retries=3 \
    CMD python -m storage check >/dev/null 2>&1 && python -c "import urllib.request,sys; sys.exit(0 if urllib.request.urlopen('http://127.0.0.1:8501/_stcore/health', timeout=4).status == 200 else 1)"
CMD ["streamlit", "run", "serve.py", "--server.port=8501", "--server.address=0.0.0.0"]

# The public instance: non-root, health-checked, hardened config from .streamlit/config.toml.
FROM python:3.11-slim-bookworm
ENV PYTHONDONTWRITEBYTECODE=1 PYTHONUNBUFFERED=1 PIP_NO_CACHE_DIR=1 PIP_DISABLE_PIP_VERSION_CHECK=1
WORKDIR /app
# The handout's letters: DejaVu Sans Condensed, and Liberation Sans Narrow from five treatments.
RUN apt-get update && apt-get install -y --no-install-recommends fonts-dejavu-core fonts-dejavu-extra fonts-liberation \
    && rm -rf /var/lib/apt/lists/*
COPY requirements.txt .
RUN pip install -r requirements.txt && useradd --create-home --uid 10001 dashboard
COPY --chown=dashboard:dashboard . .
USER dashboard
RUN python -m dashboard validate
EXPOSE 8501
HEALTHCHECK --interval=30s --timeout=5s --start-period=30s --retries=3 \
  CMD python -c "import urllib.request,sys; sys.exit(urllib.request.urlopen('http://127.0.0.1:8501/_stcore/health', timeout=4).status != 200)"
CMD ["python", "-m", "streamlit", "run", "dashboard/server.py", "--server.port=8501", "--server.address=0.0.0.0"]

# One image for every armswatch worker; the command picks the role (see docker-compose.yml).
FROM python:3.11-slim
WORKDIR /app
ENV PYTHONUNBUFFERED=1 PIP_DISABLE_PIP_VERSION_CHECK=1
COPY pyproject.toml README.md ./
COPY armswatch ./armswatch
COPY app ./app
COPY ingest ./ingest
COPY enrich ./enrich
COPY index ./index
COPY alerts ./alerts
COPY dashboards ./dashboards
RUN pip install --no-cache-dir .
USER nobody
ENTRYPOINT ["armswatch"]

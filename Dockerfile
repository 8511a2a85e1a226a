# redactor HTTP API. Build: docker build -t redactor .
# Run (dev keys printed on stderr):   docker run -p 8000:8000 redactor
# Production: REDACTOR_ENV=production, REDACTOR_DB_URL, REDACTOR_KEYRING (or REDACTOR_KEYS) and
# REDACTOR_API_KEYS_FILE mounted read-only; generated dev keys are refused.
#
# BASE is any image with Python 3.11 and venv: python:3.11-slim by default; where that
# cannot be pulled, a Debian base made from Debian's packages (see .ci/image):
#   mmdebstrap --variant=minbase --include=python3,python3-venv,ca-certificates bookworm base.tar
#   podman import base.tar localhost/debian-python:bookworm
#   podman build --isolation=chroot --network=host -v /etc/ssl/certs:/etc/ssl/certs:ro \
#     --build-arg BASE=localhost/debian-python:bookworm --target test .
# The `test` stage runs the image's smoke test at build time (docker/smoke.py).
ARG BASE=python:3.11-slim

FROM ${BASE} AS build
ENV PIP_NO_CACHE_DIR=1 PIP_DISABLE_PIP_VERSION_CHECK=1
WORKDIR /src
COPY pyproject.toml constraints.txt README.md ./
COPY redactor ./redactor
COPY recognizers ./recognizers
# The ja_ginza model is a wheel (ja-ginza): installing the package puts the model in the image.
RUN python3 -m venv /opt/venv && /opt/venv/bin/pip install -c constraints.txt .

FROM ${BASE} AS runtime
ENV PATH=/opt/venv/bin:$PATH \
    PYTHONUNBUFFERED=1 PYTHONDONTWRITEBYTECODE=1 \
    HF_HUB_OFFLINE=1 TRANSFORMERS_OFFLINE=1 \
    REDACTOR_HOST=0.0.0.0 REDACTOR_PORT=8000 REDACTOR_DATA_DIR=/var/lib/redactor
COPY --from=build /opt/venv /opt/venv
WORKDIR /app
# The policies ship inside the package. Prove at build time that everything loads
# offline: the model from its wheel, the e-mail check from tldextract's snapshot.
RUN python -c "from redactor.detect.analyze import build_analyzer; build_analyzer()" \
 && useradd --system --uid 10001 --no-create-home --home-dir /app redactor \
 && mkdir -p /var/lib/redactor \
 && chown -R redactor /var/lib/redactor
USER redactor
EXPOSE 8000
VOLUME ["/var/lib/redactor"]
HEALTHCHECK --interval=30s --timeout=5s --start-period=90s --retries=3 \
  CMD python -c "import sys, urllib.request; sys.exit(urllib.request.urlopen('http://127.0.0.1:8000/healthz', timeout=4).status != 200)"
CMD ["redactor", "serve"]

# Smoke test as a build step (`podman run` is refused in some sandboxes): as the non-root
# user, load the analyzer offline, redact one note, start the server, answer /readyz.
FROM runtime AS test
COPY docker/smoke.py /app/smoke.py
RUN python /app/smoke.py

# The default target: the runtime image (a plain `docker build .` never needs `test`).
FROM runtime

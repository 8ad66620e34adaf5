# sequencelint in a container: lint the folder mounted at /work.
#
#   docker build -t sequencelint .
#   docker run --rm -v "$PWD":/work sequencelint .
#   docker run --rm -v "$PWD":/work sequencelint review --format markdown .
#
# The build stage makes the same self-contained archive as a release (scripts/package.sh: the
# Swift runtime, Foundation and libyaml linked statically), so the run stage needs nothing but
# Debian's C library. Build and run stages are the same Debian release (12, bookworm), so the
# binary's C library is the one it was linked against.
ARG SWIFT_IMAGE=swift:6.3-bookworm
ARG BASE_IMAGE=debian:bookworm-slim

FROM ${SWIFT_IMAGE} AS build
RUN apt-get update -qq \
    && apt-get install -y -qq --no-install-recommends libyaml-dev pkg-config binutils \
    && rm -rf /var/lib/apt/lists/*
WORKDIR /src
COPY . .
RUN scripts/package.sh --scratch-path /tmp/build --dist /tmp/dist \
    && mkdir -p /out \
    && tar -xzf /tmp/dist/sequencelint-*.tar.gz -C /out --strip-components=1 \
    && /out/bin/sequencelint --version

FROM ${BASE_IMAGE}
COPY --from=build /out/bin/sequencelint /usr/local/bin/sequencelint
COPY --from=build /out/NOTICE.md /usr/local/share/doc/sequencelint/NOTICE.md
WORKDIR /work
ENTRYPOINT ["sequencelint"]

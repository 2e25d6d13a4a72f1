# redrive as a container for CI or Kubernetes jobs: the self-contained Linux x64 archive (its jlinked runtime,
# no JDK) on a small glibc base with a shell for the launcher. UNTESTED: no container engine runs where this
# project is developed (docs/BUILDING.md, "Container"). After ./mvnw verify:
#   docker build --build-arg VERSION=0.1.0-SNAPSHOT -t sqs-redrive .
#   docker run --rm -e AWS_REGION -e AWS_ACCESS_KEY_ID -e AWS_SECRET_ACCESS_KEY sqs-redrive list
FROM debian:bookworm-slim
ARG VERSION
# ADD unpacks a local tar.gz.
ADD dist/sqs-redrive-${VERSION}-linux-x64.tar.gz /opt/
RUN ln -s /opt/sqs-redrive-${VERSION}/bin/redrive /usr/local/bin/redrive \
 && useradd --create-home --uid 10001 redrive
# Client-side tasks and journals live in the state directory: mount a volume there to keep them across runs.
ENV REDRIVE_STATE_DIR=/home/redrive/state
USER redrive
WORKDIR /home/redrive
ENTRYPOINT ["redrive"]
CMD ["--help"]

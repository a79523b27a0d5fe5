#!/bin/sh
# Class Data Sharing for the packaged jar (optional): a faster start, the same service.
#
#   tools/cds/archive.sh target/maillage-<version>.jar [directory]
#
# Extracts the jar into DIRECTORY (default: maillage-cds) as Spring Boot lays it out for CDS, then starts it once on a
# throwaway store (the territories and the demo are loaded there, so that the classes of every start-up step are
# recorded) and stops when the context is ready; the JVM writes the classes it loaded to DIRECTORY/maillage.jsa. Then
# start with the line printed at the end. Make the archive again after each new jar or JDK: a JVM given an archive
# that does not match prints a warning and starts without it.
set -eu
jar=${1:?usage: tools/cds/archive.sh target/maillage-<version>.jar [directory]}
directory=${2:-maillage-cds}
name=$(basename "$jar")
java -Djarmode=tools -jar "$jar" extract --force --destination "$directory"
# absolute paths: the JVM uses the archive only if the class path it is started with is the one recorded here
directory=$(cd "$directory" && pwd)
store=$(mktemp -d)
trap 'rm -rf "$store"' EXIT
# the documented defaults (in-process Neo4j, local profile), never the operator's store or server
env -u NEO4J_URI -u SPRING_PROFILES_ACTIVE MAILLAGE_DATA_DIR="$store" \
  java -XX:ArchiveClassesAtExit="$directory/maillage.jsa" -Dspring.context.exit=onRefresh \
  -jar "$directory/$name" --server.port=0
echo "Archive written: $directory/maillage.jsa. Start with:"
echo "  java -XX:SharedArchiveFile=$directory/maillage.jsa -jar $directory/$name"

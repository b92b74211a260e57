#!/bin/sh
# The CI gate for a project that is not built with Maven: compile the entities however you do, then
# check them against the migrations on an embedded PostgreSQL. Exit 0: no drift at or above warning;
# 1: drift (the report says what and how to fix it); 2: the check could not run (the message says why).
set -eu
JAR=${SCHEMADRIFT_JAR:-schemadrift-cli.jar}
java -jar "$JAR" check \
  --classpath "${ENTITY_CLASSES:-target/classes}" \
  --package com.example.library \
  --migrations migrations \
  --fail-on warning

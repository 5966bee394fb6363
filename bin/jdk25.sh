# Sourced by bin/annals and .ci/run (POSIX sh): makes JAVA_HOME point at a JDK 25 and puts it first on the
# PATH. Keeps a JAVA_HOME that already is one; otherwise looks where Debian and Temurin packages install them.
# Machines often have an older default JDK (this project's build machines have 17), which cannot run Annals.
annals_java_major() {
  "$1/bin/java" -XshowSettings:properties -version 2>&1 | awk -F'= ' '/java.specification.version/ {print $2}'
}
if [ -z "${JAVA_HOME:-}" ] || [ "$(annals_java_major "$JAVA_HOME" 2>/dev/null)" != "25" ]; then
  for candidate in /usr/lib/jvm/temurin-25* /usr/lib/jvm/*-25-* /usr/lib/jvm/*25*; do
    if [ -x "$candidate/bin/java" ] && [ "$(annals_java_major "$candidate")" = "25" ]; then
      JAVA_HOME="$candidate"
      export JAVA_HOME
      break
    fi
  done
fi
if [ -z "${JAVA_HOME:-}" ] || [ "$(annals_java_major "$JAVA_HOME" 2>/dev/null)" != "25" ]; then
  echo "No JDK 25 found: install one (e.g. Temurin 25) and set JAVA_HOME." >&2
  exit 1
fi
PATH="$JAVA_HOME/bin:$PATH"
export PATH

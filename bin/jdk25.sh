# Sourced by bin/annals and .ci/run (POSIX sh): makes JAVA_HOME point at a JDK 25 and puts it first on the
# PATH. Keeps a JAVA_HOME that already is one; otherwise looks where Debian and Temurin packages install them.
# Machines often have an older default JDK (this project's build machines have 17), which cannot run Annals.
# The JDK's own "release" file names its version; reading it costs nothing, while asking the JVM starts one
# (0.2-0.5 s of every start of Annals on a busy machine). Asking the JVM stays as the fallback.
annals_java_major() {
  if [ -f "$1/release" ] && grep -q '^JAVA_VERSION=' "$1/release"; then
    sed -n 's/^JAVA_VERSION="\{0,1\}\([0-9]*\).*/\1/p' "$1/release"
  else
    "$1/bin/java" -XshowSettings:properties -version 2>&1 | awk -F'= ' '/java.specification.version/ {print $2}'
  fi
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

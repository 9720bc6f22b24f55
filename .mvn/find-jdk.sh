# Finds a JDK 21 or newer. Sourced (POSIX sh) by ./noliq, ./mvnw and .ci/run, so all three agree.
# Order: $JAVA_HOME, then the java on PATH, then the newest JDK under /usr/lib/jvm.
# noliq_find_jdk prints the JDK's home on success and returns 1 when there is none.

NOLIQ_MIN_JDK=21

noliq_jdk_major() {
  # Prints the major version of the JDK at home $1, or nothing when it is not a JDK.
  [ -x "$1/bin/java" ] && [ -x "$1/bin/javac" ] || return 0
  "$1/bin/java" -XshowSettings:properties -version 2>&1 \
    | sed -n 's/^ *java\.specification\.version = //p' | head -n 1 | sed 's/^1\.//; s/\..*//'
}

noliq_jdk_ok() {
  _v=$(noliq_jdk_major "$1")
  case "$_v" in ''|*[!0-9]*) return 1 ;; esac
  [ "$_v" -ge "$NOLIQ_MIN_JDK" ]
}

noliq_find_jdk() {
  if [ -n "${JAVA_HOME:-}" ] && noliq_jdk_ok "$JAVA_HOME"; then
    printf '%s\n' "$JAVA_HOME"; return 0
  fi
  _java=$(command -v java 2>/dev/null || true)
  if [ -n "$_java" ]; then
    _home=$(dirname "$(dirname "$(readlink -f "$_java")")")
    if noliq_jdk_ok "$_home"; then printf '%s\n' "$_home"; return 0; fi
  fi
  _best=''; _best_v=0
  for _home in /usr/lib/jvm/*; do
    [ -d "$_home" ] || continue
    _v=$(noliq_jdk_major "$_home")
    case "$_v" in ''|*[!0-9]*) continue ;; esac
    if [ "$_v" -ge "$NOLIQ_MIN_JDK" ] && [ "$_v" -gt "$_best_v" ]; then _best=$_home; _best_v=$_v; fi
  done
  [ -n "$_best" ] || return 1
  printf '%s\n' "$_best"
}

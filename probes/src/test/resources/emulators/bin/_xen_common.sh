# Shared by the xm and xl emulators (sourced, not run). Domain tables are '|'-separated lines:
#   name|id|mem|vcpus|flags|time      (an empty id is xm's row for a managed domain that is not running)
# The emulators print them with the real tools' printf formats; see ../SOURCES.md.

emulator_dir=$(cd "$(dirname "$0")" && pwd)

# The scenario: $XENPULSE_EMULATOR_SCENARIO, else the first word of the file 'scenario' next to the
# emulators (tests write it into their own copy), else healthy.
scenario=${XENPULSE_EMULATOR_SCENARIO:-}
if [ -z "$scenario" ] && [ -r "$emulator_dir/scenario" ]; then
    read -r scenario _ < "$emulator_dir/scenario"
fi
scenario=${scenario:-healthy}

# Hangs the way a stuck tool does: blocked in a child process, so only killing the whole process tree
# ends it. The child's pid goes next to the emulators, for tests to check it was killed.
emulator_hang() {
    sleep 600 &
    echo $! > "$emulator_dir/$1-hung-child.pid"
    wait
    exit 0
}

emulator_garbage() {
    printf '\033[2J\033[31mSegmentation fault\033[0m\n'
    printf 'Traceback (most recent call last):\001\002\n<html><body>502 Bad Gateway</body></html>\n'
    printf 'Name is not what you think\n'
}

table_healthy() {
    cat <<'ROWS'
Domain-0|0|1024|2|r-----|1234.5
web01|3|512|1|-b----|12.3
db01|4|2048|2|r-----|845.0
mail01|7|1024|1|-b----|77.9
ROWS
}

table_dom0_only() {
    echo 'Domain-0|0|1023|1|r-----|121152.6'
}

table_unusual_names() {
    cat <<'ROWS'
Domain-0|0|1024|2|r-----|1234.5
web 01 (prod)|3|512|1|-b----|12.3
db "primary"|4|2048|2|r-----|845.0
it's-mine|5|256|1|-b----|1.5
a;b; touch /tmp/xenpulse-pwned|6|256|1|-b----|2.5
$(reboot) `id`|8|256|1|-b----|3.5
café-ünïcode-数据库|9|512|1|-b----|4.5
batch 7|10|512|1|r-----|5.5
a-very-long-domain-name-that-is-longer-than-forty-characters.example.com|11|512|1|-b----|6.5
ROWS
}

table_fifty() {
    echo 'Domain-0|0|2048|4|r-----|99999.9'
    i=1
    while [ "$i" -le 50 ]; do
        printf 'guest%02d|%d|512|1|-b----|%d.%d\n' "$i" "$((i + 10))" "$((i * 37))" "$((i % 10))"
        i=$((i + 1))
    done
}

# Shared by the xenstore-list and xenstore-read emulators (sourced, not run). A scenario's domains are
# 'id|name' lines; the name is written the way xenstore-read prints it (sanitise_value: printable ASCII
# as is, \\ \t \n \r, \ooo below 8, \xNN for every other byte). Formats and messages: ../SOURCES.md.

emulator_dir=$(cd "$(dirname "$0")" && pwd)

# The scenario: $XENPULSE_EMULATOR_SCENARIO, else the first word of the file 'scenario' next to the
# emulators (tests write it into their own copy), else healthy. The scenario names of the xm/xl
# emulators mean the same here: xenstore does not need xend, so xend's failures leave it healthy.
scenario=${XENPULSE_EMULATOR_SCENARIO:-}
if [ -z "$scenario" ] && [ -r "$emulator_dir/scenario" ]; then
    read -r scenario _ < "$emulator_dir/scenario"
fi
scenario=${scenario:-healthy}
case "$scenario" in
    xend-down|xend-refused|xend-crashed) scenario=healthy ;;
    no-xenstore|no-hypervisor) scenario=xenstored-down ;;
    not-root) scenario=no-permission ;;
esac

# Records each run (tests count calls) as: tool number-of-arguments.
emulator_record_run() {
    echo "$1 $2" >> "$emulator_dir/runs.log"
}

# Hangs the way a xenstore tool does when xenstored is gone and it waits on the xenbus device: blocked,
# with a child, so only killing the whole process tree ends it.
emulator_hang() {
    sleep 600 &
    echo $! > "$emulator_dir/$1-hung-child.pid"
    wait
    exit 0
}

# How the tools fail when they cannot reach xenstored at all: err(1, "xs_open") in current Xen, the
# program name first (err(3)).
emulator_cannot_open() {
    case "$scenario" in
        xenstored-down) echo "$1: xs_open: No such file or directory" >&2 ;;
        xenstored-refused) echo "$1: xs_open: Connection refused" >&2 ;;
        no-permission) echo "$1: xs_open: Permission denied" >&2 ;;
        xenstored-down-legacy) echo "$1: xs_domain_open: No such file or directory" >&2 ;;
    esac
    exit 1
}

domains() {
    case "$scenario" in
        healthy|slow|read-hung)
            printf '%s\n' '0|Domain-0' '3|web01' '4|db01' '7|mail01' ;;
        dom0-only)
            printf '%s\n' '0|Domain-0' ;;
        migrating)
            printf '%s\n' '0|Domain-0' '3|web01' '5|migrating-db01' ;;
        vanished)
            # domain 4 is in the listing, but dies before its name is read (see xenstore-read)
            printf '%s\n' '0|Domain-0' '3|web01' '4|db01' '7|mail01' ;;
        states)
            printf '%s\n' '0|Domain-0' '1|running01' '2|blocked01' '3|paused01' '4|shutdown01' \
                '5|crashed01' '6|dying01' '7|between01' '8|Zombie-old01' ;;
        unusual-names)
            printf '%s\n' '0|Domain-0' '3|web 01 (prod)' '4|db "primary"' "5|it's-mine" \
                '6|a;b; touch /tmp/xenpulse-pwned' '8|$(reboot) `id`' \
                '9|caf\xc3\xa9-\xc3\xbcn\xc3\xafcode-\xe6\x95\xb0\xe6\x8d\xae\xe5\xba\x93' '10|batch 7' \
                '11|a-very-long-domain-name-that-is-longer-than-forty-characters.example.com' \
                '12|back\\slash\ttab' '13|'
            ;;
        fifty)
            echo '0|Domain-0'
            i=1
            while [ "$i" -le 50 ]; do
                printf '%d|guest%02d\n' "$((i + 10))" "$i"
                i=$((i + 1))
            done ;;
        *)
            echo "xenstore emulator: unknown scenario '$scenario'" >&2
            exit 99 ;;
    esac
}

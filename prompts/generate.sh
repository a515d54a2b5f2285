#!/usr/bin/env bash
# Regenerates prompts/<language>/<name>.wav from prompts/prompts.tsv with espeak-ng and sox,
# as 8 kHz mono signed 16-bit PCM WAV (what PromptLibrary loads). The WAVs are committed, so the
# server needs neither tool at run time.
#
#   prompts/generate.sh          regenerate every row, then check
#   prompts/generate.sh --check  only verify that every row has a file and every file has a row
#
# prompts.tsv columns: name, language, voice (optional espeak-ng voice override), text.
# Rows named tone.* are not spoken: their text is the argument list of sox's synth effect.
# Rows of the language "common" are language-neutral (PromptLibrary finds them for any language);
# rows named music.* are synthesised by prompts/music.sh, their text only describes them.
# Output is deterministic (sox -R, no dither), so re-running changes nothing.
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
table="$here/prompts.tsv"

# espeak-ng 1.51's "cmn" voice reads Chinese characters as pinyin with tone digits spoken in
# English (espeak-ng issues #1028, #1236); "cmn-latn-pinyin" is the same Mandarin voice without it.
default_voice() {
    case "$1" in
        zh-CN) echo cmn-latn-pinyin ;;
        en-US) echo en-us ;;
        *) echo "prompts.tsv: unknown language '$1'" >&2; return 1 ;;
    esac
}

# Rows as name<US>language<US>voice<US>text: the unit separator is not IFS whitespace, so an empty
# voice column survives `read`.
rows() {
    awk -F'\t' -v OFS=$'\x1f' '
        NR == 1 { next }
        NF != 4 { printf "prompts.tsv:%d: expected 4 tab-separated columns, got %d\n", NR, NF > "/dev/stderr"; exit 1 }
        seen[$1 "/" $2]++ { printf "prompts.tsv:%d: duplicate row %s %s\n", NR, $1, $2 > "/dev/stderr"; exit 1 }
        { print $1, $2, $3, $4 }
    ' "$table"
}

# Trims the synthesiser's own silence, resamples to 8 kHz, normalises to -3 dBFS, then pads
# 100 ms before and 150 ms after.
to_telephone_wav() {
    sox -R -D "$1" -r 8000 -c 1 -b 16 -e signed-integer "$2" \
        silence 1 0.01 -60d reverse silence 1 0.01 -60d reverse \
        gain -n -3 pad 0.1 0.15
}

generate() {
    local work name language voice text target table_rows
    table_rows="$(rows)"
    work="$(mktemp -d)"
    trap "rm -rf '$work'" EXIT
    while IFS=$'\x1f' read -r name language voice text; do
        mkdir -p "$here/$language"
        target="$here/$language/$name.wav"
        if [[ $name == music.* ]]; then
            "$here/music.sh" "$target"
        elif [[ $name == tone.* ]]; then
            # shellcheck disable=SC2086 # text is sox's synth argument list
            sox -R -D -n -r 8000 -c 1 -b 16 -e signed-integer "$target" \
                synth $text fade h 0.01 0 0.01 gain -n -3 pad 0.1 0.15
        else
            voice="${voice:-$(default_voice "$language")}"
            printf '%s' "$text" | espeak-ng -v "$voice" --stdin -w "$work/speech.wav"
            to_telephone_wav "$work/speech.wav" "$target"
        fi
    done <<< "$table_rows"
}

check() {
    local problems=0 name language voice text file table_rows
    declare -A expected=()
    table_rows="$(rows)"
    while IFS=$'\x1f' read -r name language voice text; do
        [[ $language == common ]] || default_voice "$language" > /dev/null
        expected["$language/$name.wav"]=1
        if [[ ! -f "$here/$language/$name.wav" ]]; then
            echo "missing: prompts/$language/$name.wav" >&2
            problems=$((problems + 1))
        fi
    done <<< "$table_rows"
    while IFS= read -r file; do
        if [[ -z ${expected["$file"]+x} ]]; then
            echo "no row in prompts.tsv: prompts/$file" >&2
            problems=$((problems + 1))
        fi
    done < <(cd "$here" && find . -mindepth 2 -name '*.wav' | sed 's|^\./||' | sort)
    if ((problems > 0)); then
        echo "$problems problem(s)" >&2
        return 1
    fi
    echo "prompts: ${#expected[@]} files match prompts.tsv"
}

case "${1:-}" in
    --check) check ;;
    "") generate && check ;;
    *) echo "usage: $0 [--check]" >&2; exit 2 ;;
esac

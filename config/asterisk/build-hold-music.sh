#!/usr/bin/env bash
# Builds the hold music of musiconhold.conf [hotline-hold] from Hotline's prompts (rule R7 while an
# agent holds a caller behind Asterisk, who plays it natively while the caller is bridged):
#   01-music.wav       music.hold looped to FIRST seconds (announceFirst, 45)
#   02-phrase.wav      <language>/hold.still-checking
#   03-loop.wav        music for INTERVAL seconds minus the phrase, then the phrase (loop_last repeats it)
# so the phrase comes FIRST seconds into the hold and every INTERVAL seconds (announceInterval, 60)
# after. Needs sox. Run it where Asterisk's /var/lib/hotline lives (the compose asterisk service).
#
#   config/asterisk/build-hold-music.sh <prompts dir> <output dir> [language] [first s] [interval s]
set -euo pipefail

prompts="$1"
out="$2"
language="${3:-zh-CN}"
first="${4:-45}"
interval="${5:-60}"

music="$prompts/common/music.hold.wav"
phrase="$prompts/$language/hold.still-checking.wav"
for file in "$music" "$phrase"; do
    [ -f "$file" ] || { echo "build-hold-music: no $file" >&2; exit 1; }
done
phrase_seconds="$(soxi -D "$phrase")"
rest="$(awk -v i="$interval" -v p="$phrase_seconds" 'BEGIN { r = i - p; if (r < 1) r = 1; printf "%.3f", r }')"

mkdir -p "$out"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
fmt=(-r 8000 -c 1 -b 16 -e signed-integer)
sox "$music" "${fmt[@]}" "$out/01-music.wav" repeat 10 trim 0 "$first"
sox "$phrase" "${fmt[@]}" "$out/02-phrase.wav"
sox "$music" "${fmt[@]}" "$work/rest.wav" repeat 10 trim 0 "$rest"
sox "$work/rest.wav" "$phrase" "${fmt[@]}" "$out/03-loop.wav"
echo "build-hold-music: $out (phrase at ${first}s, then every ${interval}s)"

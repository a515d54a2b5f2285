#!/usr/bin/env bash
# Synthesises the language-neutral music on hold, prompts/common/music.hold.wav (rule R7: callers
# hear it while queued or held): a slow C - Am - F - G progression, each chord a soft sine pad
# under a plucked arpeggio, 24 s, quiet (peaks at -14 dBFS, well under the prompts' -3 dBFS) and
# fading at both ends so it loops without a click. 8 kHz mono signed 16-bit PCM, deterministic.
#
#   prompts/music.sh <output.wav>      (called by prompts/generate.sh for the music.* rows)
set -euo pipefail

out="$1"
work="$(mktemp -d)"
trap "rm -rf '$work'" EXIT

chord_seconds=6
note_seconds=0.5
fmt=(-r 8000 -c 1 -b 16 -e signed-integer)

# Frequencies in Hz: pad (three notes, an octave below the arpeggio) and the arpeggio's cycle.
chords=(
    "130.81 164.81 196.00|261.63 329.63 392.00 523.25 392.00 329.63"   # C
    "110.00 130.81 164.81|220.00 261.63 329.63 440.00 329.63 261.63"   # Am
    "87.31 110.00 130.81|174.61 220.00 261.63 349.23 261.63 220.00"    # F
    "98.00 123.47 146.83|196.00 246.94 293.66 392.00 293.66 246.94"    # G
)

index=0
parts=()
for chord in "${chords[@]}"; do
    pad="${chord%%|*}"
    arpeggio="${chord##*|}"
    read -r -a pad_notes <<< "$pad"
    read -r -a arp_notes <<< "$arpeggio"
    # The pad: three sines on three channels mixed to one, breathing in and out.
    sox -R -D -r 8000 -c 3 -n "${fmt[@]}" "$work/pad$index.wav" \
        synth "$chord_seconds" sine "${pad_notes[0]}" sine "${pad_notes[1]}" sine "${pad_notes[2]}" \
        remix - fade q 1.5 "$chord_seconds" 1.5 gain -n -20
    # The arpeggio: plucked notes, twice round the cycle.
    notes=()
    for round in 1 2; do
        for freq in "${arp_notes[@]}"; do
            n=${#notes[@]}
            sox -R -D -n "${fmt[@]}" "$work/note$index-$n.wav" \
                synth "$note_seconds" pluck "$freq" fade q 0.01 "$note_seconds" 0.2 gain -n -24
            notes+=("$work/note$index-$n.wav")
        done
    done
    sox -R -D "${notes[@]}" "$work/arp$index.wav"
    sox -R -D -m "$work/pad$index.wav" "$work/arp$index.wav" "$work/chord$index.wav"
    parts+=("$work/chord$index.wav")
    index=$((index + 1))
done

sox -R -D "${parts[@]}" "${fmt[@]}" "$out" lowpass 1800 lowpass 1800 gain -n -14 fade q 0.5 0 0.5

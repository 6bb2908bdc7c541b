#pragma once

// What part of a recording is one frequency, for the suites that check what a phone said.

#include <cmath>
#include <numbers>
#include <vector>

// Power of frequency hz in 8 kHz samples relative to their total power (Goertzel): 1 for a pure tone.
inline double toneShare(const std::vector<float> &s, double hz)
{
    const double w = 2.0 * std::numbers::pi * hz / 8000.0;
    double re = 0, im = 0, total = 0;
    for (size_t i = 0; i < s.size(); ++i) {
        re += s[i] * std::cos(w * double(i));
        im -= s[i] * std::sin(w * double(i));
        total += double(s[i]) * s[i];
    }
    return total <= 0 ? 0 : 2.0 * (re * re + im * im) / (double(s.size()) * total);
}

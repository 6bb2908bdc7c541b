#pragma once

#include <QString>

namespace centrale {

// The few things that differ between Windows, macOS and Linux. Everything else goes through Qt.
class Platform final {
public:
    // The per-user store the GUI and the CLI open by default.
    static QString defaultStorePath();
    // Peak resident memory of this process, in bytes; 0 where the platform cannot tell.
    static qint64 peakMemoryBytes();
    // Reads one line from standard input, without echoing it when the input is a terminal (a
    // password). The prompt goes to standard error, only for a terminal. Empty at end of input.
    static QString readSecretLine(const QString &prompt);
};

} // namespace centrale

#include "platform/Platform.h"

#include <QDir>
#include <QStandardPaths>

#include <cstdio>
#include <iostream>
#include <string>

#if defined(Q_OS_WIN)
#include <io.h>
#else
#include <termios.h>
#include <unistd.h>
#endif

#if defined(Q_OS_LINUX)
#include <QFile>
#elif defined(Q_OS_WIN)
#include <windows.h>
#include <psapi.h>
#elif defined(Q_OS_UNIX)
#include <sys/resource.h>
#endif

namespace centrale {

QString Platform::defaultStorePath()
{
    const QString dir = QStandardPaths::writableLocation(QStandardPaths::AppDataLocation);
    return QDir(dir).filePath(QStringLiteral("local.sqlite"));
}

qint64 Platform::peakMemoryBytes()
{
#if defined(Q_OS_LINUX)
    QFile status(QStringLiteral("/proc/self/status"));
    if (!status.open(QIODevice::ReadOnly))
        return 0;
    for (const QByteArray &line : status.readAll().split('\n')) {
        if (line.startsWith("VmHWM:"))
            return line.mid(6).trimmed().split(' ').first().toLongLong() * 1024;
    }
    return 0;
#elif defined(Q_OS_WIN)
    PROCESS_MEMORY_COUNTERS counters;
    if (GetProcessMemoryInfo(GetCurrentProcess(), &counters, sizeof(counters)))
        return static_cast<qint64>(counters.PeakWorkingSetSize);
    return 0;
#elif defined(Q_OS_MACOS)
    struct rusage usage;
    getrusage(RUSAGE_SELF, &usage);
    return static_cast<qint64>(usage.ru_maxrss); // bytes on macOS
#else
    struct rusage usage;
    getrusage(RUSAGE_SELF, &usage);
    return static_cast<qint64>(usage.ru_maxrss) * 1024;
#endif
}

} // namespace centrale

namespace centrale {

QString Platform::readSecretLine(const QString &prompt)
{
    std::string line;
#if defined(Q_OS_WIN)
    const bool terminal = _isatty(_fileno(stdin)) != 0;
    HANDLE input = GetStdHandle(STD_INPUT_HANDLE);
    DWORD mode = 0;
    if (terminal) {
        std::fputs(prompt.toLocal8Bit().constData(), stderr);
        GetConsoleMode(input, &mode);
        SetConsoleMode(input, mode & ~static_cast<DWORD>(ENABLE_ECHO_INPUT));
    }
    std::getline(std::cin, line);
    if (terminal) {
        SetConsoleMode(input, mode);
        std::fputs("\n", stderr);
    }
#else
    const bool terminal = isatty(STDIN_FILENO) != 0;
    termios saved{};
    if (terminal) {
        std::fputs(prompt.toLocal8Bit().constData(), stderr);
        std::fflush(stderr);
        tcgetattr(STDIN_FILENO, &saved);
        termios quiet = saved;
        quiet.c_lflag &= ~static_cast<tcflag_t>(ECHO);
        tcsetattr(STDIN_FILENO, TCSAFLUSH, &quiet);
    }
    std::getline(std::cin, line);
    if (terminal) {
        tcsetattr(STDIN_FILENO, TCSAFLUSH, &saved);
        std::fputs("\n", stderr);
    }
#endif
    if (!line.empty() && line.back() == '\r')
        line.pop_back();
    return QString::fromStdString(line);
}

} // namespace centrale

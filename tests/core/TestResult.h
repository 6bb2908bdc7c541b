#pragma once

// Assertions on Result/Status values, shared by the core suites.

#include "common/Result.h"

#include <QByteArray>
#include <QTest>

namespace centrale {
// Readable QCOMPARE failures for error codes (found by argument-dependent lookup).
inline char *toString(ErrorCode code)
{
    static const char *const names[] = {"Invalid", "NotFound", "Duplicate", "InUse", "Conflict", "Storage", "Io"};
    return qstrdup(names[static_cast<int>(code)]);
}
} // namespace centrale

template <typename R>
QByteArray errorText(const R &result)
{
    return result.ok() ? QByteArray("no error") : result.error().message.toUtf8();
}

// The value of a result, or a recorded failure (and an empty value) instead of an exception.
template <typename T>
T take(const centrale::Result<T> &result, const char *file, int line)
{
    if (result.ok())
        return result.value();
    QTest::qFail(result.error().message.toUtf8().constData(), file, line);
    return T{};
}
#define TAKE(expr) take((expr), __FILE__, __LINE__)

#define VERIFY_OK(expr)                                                                                                                    \
    do {                                                                                                                                   \
        const auto &res_ = (expr);                                                                                                         \
        QVERIFY2(res_.ok(), errorText(res_).constData());                                                                                  \
    } while (false)

#define VERIFY_ERROR(expr, expectedCode)                                                                                                   \
    do {                                                                                                                                   \
        const auto &res_ = (expr);                                                                                                         \
        QVERIFY2(!res_.ok(), "succeeded, but should have failed");                                                                         \
        QCOMPARE(res_.error().code, expectedCode);                                                                                         \
        QVERIFY(!res_.error().message.isEmpty());                                                                                          \
    } while (false)

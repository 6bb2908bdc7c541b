#pragma once

#include "cli/CliSupport.h"
#include "domain/FunctionNumber.h"

#include <QDateTime>
#include <QHash>
#include <QTimeZone>

#include <optional>

namespace centrale {

class Store;

// centrale-cli calendar default|events|state|transitions|import|export|holidays, and
// centrale-cli functions add.
class CalendarCommands final {
    Q_DECLARE_TR_FUNCTIONS(CalendarCommands)
    Q_DISABLE_COPY_MOVE(CalendarCommands)
public:
    explicit CalendarCommands(CliIo &io) : m_io(io) { }
    // args: argv[0], the global options, then what follows "calendar".
    int run(const QStringList &args);
    // args: argv[0], the global options, then what follows "functions" (starting with "add").
    int runFunctionsAdd(const QStringList &args);

private:
    int setDefault(Store &store, const FunctionNumber &function, const QStringList &positional, bool json);
    int listEvents(Store &store, const FunctionNumber &function, bool json);
    int showState(Store &store, const FunctionNumber &function, const QDateTime &at, bool json);
    int listTransitions(Store &store, const FunctionNumber &function, const QDateTime &from, const QDateTime &to, bool json);
    int importFile(Store &store, const FunctionNumber &function, const QString &path, const QString &state,
        const std::optional<QString> &prompt, bool json);
    int exportFile(Store &store, const FunctionNumber &function, const QString &path, bool json);
    int addHolidays(
        Store &store, const FunctionNumber &function, const QString &fromYear, const QString &toYear, bool communities, bool json);

    // ISO 8601 with or without an offset; without one it is the organisation's local time.
    std::optional<QDateTime> parseInstant(const QString &option, const QString &text);
    QHash<QString, QString> promptNames(Store &store);

    CliIo &m_io;
    QTimeZone m_zone = QTimeZone(QByteArrayLiteral("Europe/Brussels"));
};

} // namespace centrale

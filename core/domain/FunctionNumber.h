#pragma once

#include "domain/Record.h"
#include "common/Result.h"

#include <QCoreApplication>
#include <QJsonObject>

namespace centrale {

enum class OpenState { Open, Closed };
QString openStateName(OpenState state);  // stable: open|closed
QString openStateLabel(OpenState state); // translated
Result<OpenState> openStateFromName(const QString &name);

// A function number (a reception, a hunt group, ...) and the default state of its schedule.
// Its schedule's events are ScheduleEvent records, in priority order.
struct FunctionNumber : Record {
    Q_DECLARE_TR_FUNCTIONS(FunctionNumber)
public:
    QString number; // E.164
    QString name;
    OpenState defaultState = OpenState::Closed;
    int eventCount = 0; // filled by list queries

    Status normaliseAndValidate();
    QJsonObject toJson() const;
    // The inverse of toJson(), strict about types; does not validate (see JsonReader).
    static Result<FunctionNumber> fromJson(const QJsonObject &json);
};

} // namespace centrale

#pragma once

#include "common/Result.h"

#include <QCoreApplication>
#include <functional>

namespace centrale {

class Database;

// Fills an empty store with the demo organisation domaincustomer.be: users, groups with settings,
// contacts at all three levels, a number pool, function numbers with the portal's two calendar
// examples, and SIP phones. With many users it makes a large organisation for scale work.
// Demo data stands for what a server already holds: it is written clean (not dirty, version 1)
// and puts nothing in the outbox.
class DemoGenerator final {
    Q_DECLARE_TR_FUNCTIONS(DemoGenerator)
public:
    struct Options {
        int users = 48;
        QString domain = QStringLiteral("domaincustomer.be");
        QString name = QStringLiteral("Domain Customer");
    };
    struct Summary {
        int users = 0;
        int groups = 0;
        int contacts = 0;
        int numbers = 0;
        int functions = 0;
        int events = 0;
        int phones = 0;
        int keyTemplates = 0;
        int prompts = 0;
    };
    using Progress = std::function<void(int done, int total)>;

    static Result<Summary> generate(Database &db, const Options &options, const Progress &progress = {});
};

} // namespace centrale

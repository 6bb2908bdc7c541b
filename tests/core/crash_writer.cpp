// Helper for tst_crash: commits a known state, then writes users in one long transaction and
// prints "writing" once it is well into it, so that the test can kill it mid-transaction.
#include "store/Store.h"

#include <QCoreApplication>
#include <QTextStream>

#include <cstdio>

using namespace centrale;

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    const QStringList args = QCoreApplication::arguments();
    if (args.size() < 2)
        return 2;
    Store store;
    if (!store.open(args.at(1)))
        return 3;
    QTextStream out(stdout);
    auto makeUser = [](int i) {
        User u;
        u.username = QStringLiteral("user.%1@domaincustomer.be").arg(i);
        u.firstName = QStringLiteral("First");
        u.lastName = QStringLiteral("Last %1").arg(i);
        return u;
    };
    if (args.size() > 2 && args.at(2) == QLatin1String("setup")) {
        Organisation org;
        org.domain = QStringLiteral("domaincustomer.be");
        org.name = QStringLiteral("Domain Customer");
        if (!store.organisation.create(org))
            return 4;
        store.refreshOrganisation();
        for (int i = 1; i <= 100; ++i) {
            if (!store.users.create(makeUser(i)))
                return 5;
        }
        out << "committed" << Qt::endl;
        return 0;
    }
    // One big transaction that never finishes on its own.
    Status s = store.database().transaction([&]() -> Status {
        for (int i = 1000;; ++i) {
            if (auto r = store.users.create(makeUser(i)); !r)
                return r.error();
            if (i == 3000) {
                out << "writing" << Qt::endl;
            }
        }
    });
    return s ? 0 : 6;
}

// Measures the local store at scale and prints the figures; it asserts nothing.
//   bench_store [users=100000] [folder]
// Each measured query is compared with a baseline in the same run: the same work done the
// naive way (load every user into memory, then sort or filter in C++).
#include "demo/DemoGenerator.h"
#include "platform/Platform.h"
#include "store/Store.h"

#include <QCollator>
#include <QCoreApplication>
#include <QElapsedTimer>
#include <QTemporaryDir>
#include <QTextStream>

#include <algorithm>

using namespace centrale;

namespace {
QTextStream out(stdout);

template <typename F>
double timeMs(F &&work, int repeat = 1)
{
    QElapsedTimer t;
    t.start();
    for (int i = 0; i < repeat; ++i)
        work();
    return t.nsecsElapsed() / 1e6 / repeat;
}

void row(const QString &what, double ms, const QString &note = {})
{
    out << QStringLiteral("%1 %2 ms  %3").arg(what, -52).arg(ms, 10, 'f', 1).arg(note) << Qt::endl;
}
} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    const QStringList args = QCoreApplication::arguments();
    const int users = args.size() > 1 ? args.at(1).toInt() : 100000;
    QTemporaryDir tmp;
    const QString folder = args.size() > 2 ? args.at(2) : tmp.path();
    const QString path = folder + QStringLiteral("/bench-%1.sqlite").arg(users);
    QFile::remove(path);

    out << QStringLiteral("Centrale store benchmark: %1 users, %2").arg(users).arg(path) << Qt::endl;
    {
        Store store;
        if (!store.open(path))
            return 1;
        DemoGenerator::Options options;
        options.users = users;
        Result<DemoGenerator::Summary> summary = DemoGenerator::Summary{};
        const double ms = timeMs([&] { summary = DemoGenerator::generate(store.database(), options); });
        row(QStringLiteral("generate the organisation"), ms,
            summary ? QStringLiteral("%1 users, %2 contacts, %3 phones").arg(summary->users).arg(summary->contacts).arg(summary->phones)
                    : summary.error().message);
    }
    out << QStringLiteral("file size %1 MiB").arg(QFileInfo(path).size() / 1048576.0, 0, 'f', 1) << Qt::endl;

    Store store;
    row(QStringLiteral("open the store (migrations checked)"), timeMs([&] { (void)store.open(path); }));

    ListQuery firstPage;
    firstPage.sortKey = QStringLiteral("lastName");
    firstPage.limit = 200;
    int n = 0;
    double ms = timeMs([&] { n = store.users.count().value(); }, 5);
    row(QStringLiteral("count users"), ms, QStringLiteral("%1").arg(n));
    row(QStringLiteral("first page of 200 sorted by last name (SQL, index)"), timeMs([&] { n = int(store.users.list(firstPage)->size()); }, 5));
    firstPage.offset = users / 2;
    row(QStringLiteral("page of 200 in the middle (OFFSET)"), timeMs([&] { n = int(store.users.list(firstPage)->size()); }, 5));
    firstPage.offset = 0;
    firstPage.descending = true;
    row(QStringLiteral("first page sorted by last name, descending"), timeMs([&] { n = int(store.users.list(firstPage)->size()); }, 5));

    ListQuery filter;
    filter.filter = QStringLiteral("peet");
    filter.limit = 200;
    int matches = 0;
    ms = timeMs([&] {
        matches = store.users.count(filter.filter).value();
        n = int(store.users.list(filter)->size());
    }, 3);
    row(QStringLiteral("filter \"peet\": count + first page (SQL LIKE)"), ms, QStringLiteral("%1 matches").arg(matches));

    // Baseline: what a naive model would do — load everything, then sort and filter in memory.
    QList<User> all;
    row(QStringLiteral("baseline: load all users into memory"), timeMs([&] { all = store.users.list().value(); }));
    QCollator collator;
    collator.setCaseSensitivity(Qt::CaseInsensitive);
    row(QStringLiteral("baseline: sort all by last name in memory (QCollator)"), timeMs([&] {
            QList<User> copy = all;
            std::sort(copy.begin(), copy.end(), [&](const User &a, const User &b) { return collator.compare(a.lastName, b.lastName) < 0; });
        }));
    row(QStringLiteral("baseline: filter all in memory"), timeMs([&] {
            matches = int(std::count_if(all.begin(), all.end(), [](const User &u) {
                return u.lastName.contains(QLatin1String("peet"), Qt::CaseInsensitive) || u.firstName.contains(QLatin1String("peet"), Qt::CaseInsensitive)
                    || u.username.contains(QLatin1String("peet"), Qt::CaseInsensitive);
            }));
        }), QStringLiteral("%1 matches (names and username only)").arg(matches));

    auto someUser = store.users.findByUsername(QStringLiteral("user.%1@domaincustomer.be").arg(users / 2));
    if (someUser) {
        ms = timeMs([&] { n = int(store.contacts.effectiveForUser(someUser->id)->size()); }, 5);
        row(QStringLiteral("effective contacts of one user"), ms, QStringLiteral("%1 contacts").arg(n));
        row(QStringLiteral("effective settings of one user"), timeMs([&] { (void)store.users.effectiveSettings(someUser->id); }, 5));
    }
    out << QStringLiteral("peak memory %1 MiB").arg(Platform::peakMemoryBytes() / 1048576.0, 0, 'f', 1) << Qt::endl;
    return 0;
}

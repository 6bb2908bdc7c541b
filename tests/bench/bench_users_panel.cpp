// The Users panel at scale: time to first rows, filter keystrokes, sorting, memory — Centrale's
// paged model (SQL, then the in-memory index) side by side with a plain QSortFilterProxyModel over
// a QStandardItemModel holding the same rows. Prints figures; asserts nothing.
//   bench_users_panel [users=100000] [folder]
#include "common/TablePanel.h"
#include "demo/DemoGenerator.h"
#include "domain/PhoneNumbers.h"
#include "platform/Platform.h"
#include "store/Store.h"
#include "users/UsersModel.h"

#include <QApplication>
#include <QElapsedTimer>
#include <QFile>
#include <QFileInfo>
#include <QSortFilterProxyModel>
#include <QStandardItemModel>
#include <QTableView>
#include <QTemporaryDir>
#include <QTextStream>

#include <algorithm>

using namespace centrale;

namespace {
QTextStream out(stdout);

double msSince(const QElapsedTimer &t)
{
    return t.nsecsElapsed() / 1e6;
}

void line(const QString &what, const QString &figures)
{
    out << QStringLiteral("%1 %2").arg(what, -58).arg(figures) << Qt::endl;
}

QString mb()
{
    return QStringLiteral("%1 MiB").arg(Platform::peakMemoryBytes() / 1048576.0, 0, 'f', 1);
}

// 50 keystrokes: typing, then erasing, a few searches an administrator makes.
QStringList keystrokes()
{
    QStringList typed;
    for (const QString &word : {QStringLiteral("peeters"), QStringLiteral("user.4711"), QStringLiteral("lefèvre"), QStringLiteral("+32470")}) {
        for (int i = 1; i <= word.size(); ++i)
            typed << word.left(i);
        for (int i = static_cast<int>(word.size()) - 1; i >= 1 && typed.size() < 50; --i)
            typed << word.left(i);
    }
    typed.resize(50);
    return typed;
}

QString stats(QList<double> times)
{
    std::sort(times.begin(), times.end());
    return QStringLiteral("median %1 ms, worst %2 ms").arg(times.at(times.size() / 2), 0, 'f', 2).arg(times.last(), 0, 'f', 2);
}

template <typename Apply>
QList<double> timeKeystrokes(Apply &&apply)
{
    QList<double> times;
    for (const QString &text : keystrokes()) {
        QElapsedTimer t;
        t.start();
        apply(text);
        QCoreApplication::processEvents();
        times << msSince(t);
    }
    return times;
}
} // namespace

int main(int argc, char *argv[])
{
    qputenv("QT_QPA_PLATFORM", "offscreen");
    QApplication app(argc, argv);
    const QStringList args = QCoreApplication::arguments();
    const int users = args.size() > 1 ? args.at(1).toInt() : 100000;
    QTemporaryDir tmp;
    const QString path = (args.size() > 2 ? args.at(2) : tmp.path()) + QStringLiteral("/users-panel-%1.sqlite").arg(users);
    if (!QFileInfo::exists(path)) {
        Store seed;
        if (!seed.open(path))
            return 1;
        DemoGenerator::Options options;
        options.users = users;
        if (!DemoGenerator::generate(seed.database(), options))
            return 1;
    }
    Store store;
    if (!store.open(path))
        return 1;
    out << QStringLiteral("Users panel benchmark: %1 users (%2)").arg(users).arg(path) << Qt::endl;

    // Centrale: the panel as the main window builds it.
    QElapsedTimer t;
    t.start();
    auto *model = new UsersModel(store);
    TablePanel panel(QStringLiteral("usersPanel"), model);
    panel.resize(1200, 700);
    panel.show();
    QCoreApplication::processEvents();
    line(QStringLiteral("Centrale: open the panel until the first rows are shown"),
         QStringLiteral("%1 ms (%2 rows of %3)").arg(msSince(t), 0, 'f', 1).arg(model->rowCount()).arg(model->totalCount()));

    line(QStringLiteral("Centrale, SQL (before the index): filter keystrokes"),
         stats(timeKeystrokes([&](const QString &text) { model->setFilter(text); })));
    model->setFilter({});

    t.restart();
    if (!model->buildIndex())
        return 1;
    line(QStringLiteral("Centrale: build the in-memory index (in the background)"), QStringLiteral("%1 ms").arg(msSince(t), 0, 'f', 1));
    line(QStringLiteral("Centrale, index: filter keystrokes"), stats(timeKeystrokes([&](const QString &text) { model->setFilter(text); })));
    model->setFilter({});
    t.restart();
    model->sort(UsersModel::FirstName, Qt::AscendingOrder);
    line(QStringLiteral("Centrale, index: sort by first name (first time)"), QStringLiteral("%1 ms").arg(msSince(t), 0, 'f', 1));
    t.restart();
    model->sort(UsersModel::LastName, Qt::DescendingOrder);
    line(QStringLiteral("Centrale, index: sort by last name, descending"), QStringLiteral("%1 ms").arg(msSince(t), 0, 'f', 1));
    line(QStringLiteral("Centrale: peak memory so far"), mb());

    // Baseline: every row in a QStandardItemModel, filtered and sorted by a QSortFilterProxyModel.
    t.restart();
    auto all = store.users.list();
    if (!all)
        return 1;
    QStandardItemModel items(0, UsersModel::ColumnCount);
    items.setRowCount(static_cast<int>(all->size()));
    for (int r = 0; r < all->size(); ++r) {
        const User &u = all->at(r);
        const QStringList cells{u.lastName, u.firstName, u.username, u.email, PhoneNumbers::formatInternational(u.mobile),
                                PhoneNumbers::formatInternational(u.directNumber), QString()};
        for (int c = 0; c < cells.size(); ++c)
            items.setItem(r, c, new QStandardItem(cells.at(c)));
    }
    QSortFilterProxyModel proxy;
    proxy.setSourceModel(&items);
    proxy.setFilterCaseSensitivity(Qt::CaseInsensitive);
    proxy.setFilterKeyColumn(-1);
    QTableView plainView;
    plainView.setModel(&proxy);
    plainView.setSortingEnabled(true);
    plainView.sortByColumn(0, Qt::AscendingOrder);
    plainView.resize(1200, 700);
    plainView.show();
    QCoreApplication::processEvents();
    line(QStringLiteral("Baseline: load all rows until the first rows are shown"), QStringLiteral("%1 ms").arg(msSince(t), 0, 'f', 1));
    line(QStringLiteral("Baseline: filter keystrokes"),
         stats(timeKeystrokes([&](const QString &text) { proxy.setFilterFixedString(text); })));
    proxy.setFilterFixedString({});
    t.restart();
    plainView.sortByColumn(1, Qt::AscendingOrder);
    line(QStringLiteral("Baseline: sort by first name"), QStringLiteral("%1 ms").arg(msSince(t), 0, 'f', 1));
    line(QStringLiteral("Peak memory with both"), mb());
    return 0;
}

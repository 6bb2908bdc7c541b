// The table models under QAbstractItemModelTester, with paging, SQL sort and filter.
#include "calendars/FunctionsModel.h"
#include "contacts/ContactsModel.h"
#include "demo/DemoGenerator.h"
#include "groups/GroupsModel.h"
#include "phones/PhonesModel.h"
#include "prompts/PromptsModel.h"
#include "store/Store.h"
#include "users/UsersModel.h"

#include <QAbstractItemModelTester>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace centrale;

class TestModels : public QObject {
    Q_OBJECT

    QTemporaryDir m_dir;
    Store m_store;

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        QVERIFY(m_store.open(m_dir.filePath(QStringLiteral("demo.sqlite"))));
        DemoGenerator::Options options;
        options.users = 1000; // more than a few pages
        QVERIFY(DemoGenerator::generate(m_store.database(), options));
        m_store.refreshOrganisation();
    }

    void everyModelPassesTheTester()
    {
        QList<PagedTableModel *> models = {new UsersModel(m_store, this),     new ContactsModel(m_store, this), new GroupsModel(m_store, this),
                                           new PromptsModel(m_store, this),   new FunctionsModel(m_store, this), new PhonesModel(m_store, this)};
        for (PagedTableModel *m : models) {
            QAbstractItemModelTester tester(m, QAbstractItemModelTester::FailureReportingMode::QtTest);
            // The tester would call fetchMore from inside its own modelReset handler, before it
            // records the reset as finished; paging is exercised explicitly below instead.
            tester.setUseFetchMore(false);
            m->reload();
            while (m->canFetchMore({}))
                m->fetchMore({});
            for (int c = 0; c < m->columnCount(); ++c) {
                m->sort(c, Qt::DescendingOrder);
                m->sort(c, Qt::AscendingOrder);
            }
            m->setFilter(QStringLiteral("a"));
            m->setFilter({});
            m->retranslate();
            if (QTest::currentTestFailed())
                return;
        }
    }

    void usersArePagedAndSortedInSql()
    {
        UsersModel model(m_store);
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        tester.setUseFetchMore(false);
        model.sort(UsersModel::LastName, Qt::AscendingOrder);
        QCOMPARE(model.totalCount(), 1000);
        QCOMPARE(model.rowCount(), int(PagedTableModel::PageSize));
        QVERIFY(model.canFetchMore({}));
        model.fetchMore({});
        QCOMPARE(model.rowCount(), 2 * int(PagedTableModel::PageSize));
        for (int r = 1; r < model.rowCount(); ++r)
            QVERIFY(model.index(r - 1, UsersModel::LastName).data().toString().compare(model.index(r, UsersModel::LastName).data().toString(),
                                                                                      Qt::CaseInsensitive) <= 0);
        model.sort(UsersModel::Username, Qt::DescendingOrder);
        QCOMPARE(model.rowCount(), int(PagedTableModel::PageSize));
        QVERIFY(model.index(0, UsersModel::Username).data().toString() >= model.index(1, UsersModel::Username).data().toString());
        // Raw values for sorting are the E.164 numbers, display is international format.
        QVERIFY(model.index(0, UsersModel::Mobile).data(PagedTableModel::RawValueRole).toString().startsWith(QLatin1String("+324")));
        QVERIFY(model.index(0, UsersModel::Mobile).data().toString().startsWith(QLatin1String("+32 4")));
    }

    void filterCountsAndResetsPaging()
    {
        UsersModel model(m_store);
        model.sort(UsersModel::LastName, Qt::AscendingOrder);
        model.setFilter(QStringLiteral("user.99"));
        // user.99, user.990..999
        QCOMPARE(model.totalCount(), 11);
        QCOMPARE(model.rowCount(), 11);
        QVERIFY(!model.canFetchMore({}));
        model.setFilter(QStringLiteral("no such user anywhere"));
        QCOMPARE(model.totalCount(), 0);
        QCOMPARE(model.rowCount(), 0);
    }

    void indexAnswersLikeSql_data()
    {
        QTest::addColumn<QString>("filter");
        QTest::addColumn<int>("column");
        QTest::addColumn<bool>("descending");
        QTest::newRow("all by last name") << QString() << int(UsersModel::LastName) << false;
        QTest::newRow("all by first name, descending") << QString() << int(UsersModel::FirstName) << true;
        QTest::newRow("peeters") << QStringLiteral("peeters") << int(UsersModel::LastName) << false;
        QTest::newRow("accented filter") << QStringLiteral("HÉLÈNE") << int(UsersModel::Username) << false;
        QTest::newRow("mobile digits") << QStringLiteral("4700001") << int(UsersModel::Mobile) << true;
        QTest::newRow("direct number") << QStringLiteral("+322300") << int(UsersModel::DirectNumber) << false;
        QTest::newRow("nothing") << QStringLiteral("zzzz-no-one") << int(UsersModel::Email) << false;
    }

    void indexAnswersLikeSql()
    {
        QFETCH(QString, filter);
        QFETCH(int, column);
        QFETCH(bool, descending);
        auto collect = [&](UsersModel &m) {
            m.sort(column, descending ? Qt::DescendingOrder : Qt::AscendingOrder);
            m.setFilter(filter);
            while (m.canFetchMore({}))
                m.fetchMore({});
            QStringList ids;
            for (int r = 0; r < m.rowCount(); ++r)
                ids << m.idAt(r);
            return std::pair{m.totalCount(), ids};
        };
        UsersModel sql(m_store);
        UsersModel indexed(m_store);
        QAbstractItemModelTester tester(&indexed, QAbstractItemModelTester::FailureReportingMode::QtTest);
        tester.setUseFetchMore(false);
        QVERIFY(indexed.buildIndex());
        QVERIFY(indexed.hasIndex());
        const auto [sqlCount, sqlIds] = collect(sql);
        const auto [indexCount, indexIds] = collect(indexed);
        QCOMPARE(indexCount, sqlCount);
        QCOMPARE(indexIds.size(), sqlIds.size());
        // Same rows; the order agrees on the sort column (ties may be broken differently).
        QCOMPARE(QSet<QString>(indexIds.begin(), indexIds.end()), QSet<QString>(sqlIds.begin(), sqlIds.end()));
        for (int r = 0; r < indexed.rowCount(); ++r)
            QCOMPARE(indexed.index(r, column).data(PagedTableModel::RawValueRole).toString().toLower(),
                     sql.index(r, column).data(PagedTableModel::RawValueRole).toString().toLower());
    }

    void backgroundIndexArrives()
    {
        UsersModel model(m_store);
        QSignalSpy ready(&model, &UsersModel::indexReady);
        model.buildIndexInBackground();
        QVERIFY(ready.wait(60000) || ready.count() == 1);
        QVERIFY(model.hasIndex());
        model.setFilter(QStringLiteral("user.99"));
        QCOMPARE(model.totalCount(), 11);
    }

    void groupMembersOnly()
    {
        auto groups = m_store.groups.list();
        QVERIFY(groups && !groups->isEmpty());
        UsersModel model(m_store);
        model.setGroup(groups->first().id);
        QCOMPARE(model.totalCount(), groups->first().memberCount);
    }
};

QTEST_MAIN(TestModels)
#include "tst_models.moc"

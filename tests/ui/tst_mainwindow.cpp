// The main window on the demo organisation: the portal's menus, every panel showing the store's
// data, the group and calendar details, and switching language at run time.
#include "common/PagedTableModel.h"
#include "common/TablePanel.h"
#include "demo/DemoGenerator.h"
#include "domain/ServiceSettings.h"
#include "i18n/Translations.h"
#include "main/MainWindow.h"
#include "store/Store.h"

#include <QApplication>
#include <QLabel>
#include <QLineEdit>
#include <QMenuBar>
#include <QProcess>
#include <QStandardPaths>
#include <QStatusBar>
#include <QTableView>
#include <QTableWidget>
#include <QTemporaryDir>
#include <QTest>
#include <QTreeWidget>

using namespace centrale;

class TestMainWindow : public QObject {
    Q_OBJECT

    QTemporaryDir m_dir;
    Store m_store;
    Translations m_translations;

    QStringList menuTitles(MainWindow &w)
    {
        QStringList titles;
        for (QAction *a : w.menuBar()->actions())
            titles << a->text();
        return titles;
    }

    QStringList navigationTexts(MainWindow &w)
    {
        auto *nav = w.findChild<QTreeWidget *>(QStringLiteral("navigation"));
        QStringList texts;
        for (int s = 0; s < nav->topLevelItemCount(); ++s) {
            texts << nav->topLevelItem(s)->text(0);
            for (int c = 0; c < nav->topLevelItem(s)->childCount(); ++c)
                texts << nav->topLevelItem(s)->child(c)->text(0);
        }
        return texts;
    }

private Q_SLOTS:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        QCoreApplication::setOrganizationName(QStringLiteral("CentraleTest"));
        QVERIFY(m_dir.isValid());
        QVERIFY(m_store.open(m_dir.filePath(QStringLiteral("demo.sqlite"))));
        QVERIFY(DemoGenerator::generate(m_store.database(), {}));
        m_store.refreshOrganisation();
        QVERIFY(m_translations.install(QStringLiteral("en")));
    }

    // The program as users start it: its resources (the window icon) are linked in, and it says
    // nothing on its error output.
    void programStartsCleanly()
    {
        QProcess app;
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(QStringLiteral("QT_QPA_PLATFORM"), QStringLiteral("offscreen"));
        env.insert(QStringLiteral("XDG_RUNTIME_DIR"), m_dir.path());
        app.setProcessEnvironment(env);
        app.start(QStringLiteral(CENTRALE_APP), {QStringLiteral("--version")});
        QVERIFY(app.waitForFinished(60000));
        QCOMPARE(app.exitCode(), 0);
        QVERIFY(app.readAllStandardOutput().contains(CENTRALE_VERSION));
        const QByteArray err = app.readAllStandardError();
        QVERIFY2(!err.contains("Cannot open") && !err.contains("No such file"), err.constData());
    }

    void opensWithPortalMenus()
    {
        MainWindow w(m_store, m_translations);
        w.show();
        QVERIFY(QTest::qWaitForWindowExposed(&w));
        QVERIFY(w.windowTitle().contains(QLatin1String("domaincustomer.be")));
        QCOMPARE(navigationTexts(w),
                 (QStringList{QStringLiteral("Services"), QStringLiteral("Contact lists"), QStringLiteral("Organisation"), QStringLiteral("Voice prompts"),
                              QStringLiteral("Function numbers"), QStringLiteral("Calendars"), QStringLiteral("User administration"),
                              QStringLiteral("User groups"), QStringLiteral("Users"), QStringLiteral("Devices"), QStringLiteral("SIP phones")}));
        const auto labels = w.statusBar()->findChildren<QLabel *>();
        bool showsStore = false;
        for (QLabel *l : labels)
            showsStore |= l->text().contains(QLatin1String("demo.sqlite"));
        QVERIFY(showsStore);
    }

    void everyPanelShowsDemoData_data()
    {
        QTest::addColumn<int>("page");
        QTest::addColumn<int>("expectedRows");
        QTest::newRow("contacts") << int(MainWindow::Page::Contacts) << -1;
        QTest::newRow("prompts") << int(MainWindow::Page::Prompts) << 2;
        QTest::newRow("calendars") << int(MainWindow::Page::Calendars) << 2;
        QTest::newRow("groups") << int(MainWindow::Page::Groups) << 3;
        QTest::newRow("users") << int(MainWindow::Page::Users) << 48;
        QTest::newRow("phones") << int(MainWindow::Page::Phones) << 24;
    }

    void everyPanelShowsDemoData()
    {
        QFETCH(int, page);
        QFETCH(int, expectedRows);
        MainWindow w(m_store, m_translations);
        w.show();
        w.showPage(static_cast<MainWindow::Page>(page));
        TablePanel *panel = w.panel(static_cast<MainWindow::Page>(page));
        QVERIFY(panel->isVisible());
        auto *table = panel->findChild<QTableView *>(QStringLiteral("table"));
        QVERIFY(table);
        auto *model = panel->model();
        if (expectedRows < 0)
            QVERIFY(model->totalCount() > 10);
        else
            QCOMPARE(model->totalCount(), expectedRows);
        QVERIFY(model->rowCount() > 0);
        QString firstRow;
        for (int c = 0; c < model->columnCount(); ++c)
            firstRow += model->index(0, c).data().toString();
        QVERIFY(!firstRow.trimmed().isEmpty());
    }

    void filterNarrowsUsers()
    {
        MainWindow w(m_store, m_translations);
        w.show();
        w.showPage(MainWindow::Page::Users);
        TablePanel *panel = w.panel(MainWindow::Page::Users);
        QTest::keyClicks(panel->filterEdit(), QStringLiteral("user.12@"));
        QTRY_COMPARE(panel->model()->totalCount(), 1);
        QCOMPARE(panel->model()->index(0, 2).data().toString(), QStringLiteral("user.12@domaincustomer.be"));
        panel->filterEdit()->clear();
        QTRY_COMPARE(panel->model()->totalCount(), 48);
    }

    void userShowsWhereSettingsComeFrom()
    {
        MainWindow w(m_store, m_translations);
        w.show();
        w.showPage(MainWindow::Page::Users);
        TablePanel *panel = w.panel(MainWindow::Page::Users);
        // user.3 is in Sales only (Sales forwards after 15 s) and overrides nothing.
        QTest::keyClicks(panel->filterEdit(), QStringLiteral("user.3@"));
        QTRY_COMPARE(panel->model()->totalCount(), 1);
        panel->table()->selectRow(0);
        auto *settings = w.findChild<QTableWidget *>(QStringLiteral("effectiveSettings"));
        QVERIFY(settings);
        QTRY_VERIFY(settings->rowCount() > 0);
        QHash<QString, std::pair<QString, QString>> byLabel;
        for (int r = 0; r < settings->rowCount(); ++r)
            byLabel.insert(settings->item(r, 0)->text(), {settings->item(r, 1)->text(), settings->item(r, 2)->text()});
        const auto forward = byLabel.value(ServiceSettings::label(ServiceSettings::Key::NoAnswerSeconds));
        QCOMPARE(forward.first, QStringLiteral("15"));
        QCOMPARE(forward.second, QStringLiteral("Group Sales"));
        const auto voicemail = byLabel.value(ServiceSettings::label(ServiceSettings::Key::Voicemail));
        QCOMPARE(voicemail.first, QStringLiteral("Yes"));
        QCOMPARE(voicemail.second, QStringLiteral("Organisation"));
        auto *detail = w.findChild<QWidget *>(QStringLiteral("userDetail"));
        bool showsGroup = false;
        for (QLabel *l : detail->findChildren<QLabel *>())
            showsGroup |= l->text().contains(QLatin1String("Sales")) && l->text().contains(QLatin1String("+32 2 300"));
        QVERIFY(showsGroup);
    }

    void groupListsItsUsers()
    {
        MainWindow w(m_store, m_translations);
        w.show();
        w.showPage(MainWindow::Page::Groups);
        TablePanel *panel = w.panel(MainWindow::Page::Groups);
        panel->table()->selectRow(0);
        auto *members = w.findChild<QTableView *>(QStringLiteral("groupMembersTable"));
        QVERIFY(members);
        const int expected = panel->model()->index(0, 2).data().toInt();
        QVERIFY(expected > 0);
        QTRY_COMPARE(members->model()->rowCount(), expected);
    }

    void calendarShowsEvents()
    {
        MainWindow w(m_store, m_translations);
        w.show();
        w.showPage(MainWindow::Page::Calendars);
        TablePanel *panel = w.panel(MainWindow::Page::Calendars);
        int accueil = -1;
        for (int r = 0; r < panel->model()->rowCount(); ++r) {
            if (panel->model()->index(r, 0).data().toString() == QLatin1String("Accueil"))
                accueil = r;
        }
        QVERIFY(accueil >= 0);
        panel->table()->selectRow(accueil);
        auto *events = w.findChild<QTableView *>(QStringLiteral("scheduleEventsTable"));
        QTRY_COMPARE(events->model()->rowCount(), 2);
        QCOMPARE(events->model()->index(0, 1).data().toString(), QStringLiteral("Nouvel an"));
        // Column 3 ("When") says it in words; its raw value is the rule.
        QCOMPARE(events->model()->index(1, 3).data().toString(), QStringLiteral("Every weekday from 08:30 to 12:30"));
        QCOMPARE(events->model()->index(1, 3).data(Qt::UserRole + 1).toString(), QStringLiteral("FREQ=WEEKLY;BYDAY=MO,TU,WE,TH,FR"));
    }

    void languageSwitchesAtRunTime()
    {
        MainWindow w(m_store, m_translations);
        w.show();
        const QStringList english = menuTitles(w);
        QCOMPARE(english.first(), QStringLiteral("&File"));

        w.setLanguage(QStringLiteral("fr"));
        QCOMPARE(m_translations.current(), QStringLiteral("fr"));
        QTRY_VERIFY(menuTitles(w) != english);
        QVERIFY(navigationTexts(w).contains(QStringLiteral("Utilisateurs")));
        QVERIFY(navigationTexts(w).contains(QStringLiteral("Groupes d'utilisateurs")));
        QCOMPARE(w.panel(MainWindow::Page::Users)->model()->headerData(0, Qt::Horizontal).toString(), QStringLiteral("Nom"));

        w.setLanguage(QStringLiteral("nl"));
        QTRY_VERIFY(navigationTexts(w).contains(QStringLiteral("Gebruikers")));
        QVERIFY(navigationTexts(w).contains(QStringLiteral("Gebruikersgroepen")));

        w.setLanguage(QStringLiteral("en"));
        QTRY_COMPARE(menuTitles(w), english);
    }
};

QTEST_MAIN(TestMainWindow)
#include "tst_mainwindow.moc"

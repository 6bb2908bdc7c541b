// User administration › User groups on the demo organisation: New / Edit (name, description, settings)
// through GroupDialog, the duplicate-name refusal shown in the dialog, Delete of an empty group, and
// Delete of a group with members: refused, then "Remove the members and delete" in one transaction.
#include "common/PagedTableModel.h"
#include "common/TablePanel.h"
#include "demo/DemoGenerator.h"
#include "groups/GroupDialog.h"
#include "groups/GroupsPage.h"
#include "i18n/Translations.h"
#include "main/MainWindow.h"
#include "store/Store.h"

#include <QAbstractItemModelTester>
#include <QAction>
#include <QApplication>
#include <QCheckBox>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QLabel>
#include <QLineEdit>
#include <QMessageBox>
#include <QPointer>
#include <QPushButton>
#include <QSpinBox>
#include <QStandardPaths>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>
#include <QToolBar>

#include <memory>

using namespace centrale;

class TestGroupsPanel : public QObject {
    Q_OBJECT

    QTemporaryDir m_dir;
    std::unique_ptr<Store> m_store;
    Translations m_translations;
    int m_storeNumber = 0;

    static GroupsPage *page(MainWindow &w) { return w.findChild<GroupsPage *>(QStringLiteral("groupsPage")); }
    static PagedTableModel *model(MainWindow &w) { return w.panel(MainWindow::Page::Groups)->model(); }

    static int rowOf(MainWindow &w, const QString &name)
    {
        PagedTableModel *m = model(w);
        while (m->canFetchMore({}))
            m->fetchMore({});
        for (int r = 0; r < m->rowCount(); ++r) {
            if (m->index(r, 0).data().toString() == name)
                return r;
        }
        return -1;
    }

    static bool select(MainWindow &w, const QString &name)
    {
        const int row = rowOf(w, name);
        if (row < 0)
            return false;
        w.panel(MainWindow::Page::Groups)->table()->setCurrentIndex(model(w)->index(row, 0));
        return w.panel(MainWindow::Page::Groups)->selectedId() == model(w)->idAt(row);
    }

    static GroupDialog *openDialog(MainWindow &w, QAction *action)
    {
        action->trigger();
        GroupDialog *d = nullptr;
        const auto dialogs = w.findChildren<GroupDialog *>(QStringLiteral("groupDialog"));
        for (GroupDialog *candidate : dialogs) {
            if (candidate->isVisible())
                d = candidate;
        }
        return d;
    }

    static void save(GroupDialog *d)
    {
        QTest::mouseClick(d->findChild<QDialogButtonBox *>()->button(QDialogButtonBox::Save), Qt::LeftButton);
    }

    int outboxCount() { return m_store->outbox.count().value(); }

private Q_SLOTS:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        QCoreApplication::setOrganizationName(QStringLiteral("CentraleTest"));
        QVERIFY(m_dir.isValid());
        QVERIFY(m_translations.install(QStringLiteral("en")));
    }

    void init()
    {
        m_store = std::make_unique<Store>();
        QVERIFY(m_store->open(m_dir.filePath(QStringLiteral("demo%1.sqlite").arg(++m_storeNumber))));
        QVERIFY(DemoGenerator::generate(m_store->database(), {}));
        m_store->refreshOrganisation();
    }

    void cleanup() { m_store.reset(); }

    void toolbarHasTheActions()
    {
        MainWindow w(*m_store, m_translations);
        w.show();
        w.showPage(MainWindow::Page::Groups);
        GroupsPage *p = page(w);
        QVERIFY(p);
        const QList<QAction *> actions = w.panel(MainWindow::Page::Groups)->toolBar()->actions();
        QVERIFY(actions.contains(p->newAction()) && actions.contains(p->editAction()) && actions.contains(p->deleteAction()));
        QCOMPARE(p->newAction()->shortcut(), QKeySequence(QKeySequence::New));
        QCOMPARE(p->deleteAction()->shortcut(), QKeySequence(QKeySequence::Delete));
        QCOMPARE(p->newAction()->text(), QStringLiteral("New group…"));
        QVERIFY(!p->editAction()->isEnabled() || !w.panel(MainWindow::Page::Groups)->selectedId().isEmpty());

        // Ctrl+N on the shown page opens the dialog.
        w.activateWindow();
        QVERIFY(QTest::qWaitForWindowActive(&w));
        QVERIFY(!w.findChild<GroupDialog *>(QStringLiteral("groupDialog")));
        QTest::keySequence(&w, QKeySequence::New);
        QPointer<GroupDialog> d = w.findChild<GroupDialog *>(QStringLiteral("groupDialog"));
        QVERIFY(d);
        QVERIFY(d->isVisible());
        d->reject();
        QTRY_VERIFY(!d);
    }

    void createThroughDialog()
    {
        MainWindow w(*m_store, m_translations);
        w.show();
        w.showPage(MainWindow::Page::Groups);
        QAbstractItemModelTester tester(model(w), QAbstractItemModelTester::FailureReportingMode::QtTest);
        const int outboxBefore = outboxCount();
        QPointer<GroupDialog> d = openDialog(w, page(w)->newAction());
        QVERIFY(d);
        QTest::keyClicks(d->findChild<QLineEdit *>(QStringLiteral("groupName")), QStringLiteral("Reception"));
        QTest::keyClicks(d->findChild<QLineEdit *>(QStringLiteral("groupDescription")), QStringLiteral("Front desk"));
        save(d);
        QTRY_VERIFY(!d);
        QVERIFY(rowOf(w, QStringLiteral("Reception")) >= 0);
        auto g = m_store->groups.findByName(QStringLiteral("Reception"));
        QVERIFY(g);
        QCOMPARE(g->description, QStringLiteral("Front desk"));
        QVERIFY(!g->settings.isSet(ServiceSettings::Key::NoAnswerSeconds));
        QCOMPARE(outboxCount(), outboxBefore + 1);
        const auto pending = m_store->outbox.pending();
        QVERIFY(pending);
        QCOMPARE(pending->last().entityId, g->id);
        QCOMPARE(pending->last().operation, QStringLiteral("create"));
    }

    void duplicateNameRefusedAndDialogKept()
    {
        MainWindow w(*m_store, m_translations);
        w.show();
        w.showPage(MainWindow::Page::Groups);
        const int outboxBefore = outboxCount();
        QPointer<GroupDialog> d = openDialog(w, page(w)->newAction());
        QVERIFY(d);
        QTest::keyClicks(d->findChild<QLineEdit *>(QStringLiteral("groupName")), QStringLiteral("Support"));
        save(d);
        QVERIFY(d);
        QVERIFY(d->isVisible());
        auto *error = d->findChild<QLabel *>(QStringLiteral("groupError"));
        QVERIFY(!error->isHidden());
        QCOMPARE(error->text(), QStringLiteral("A user group named Support already exists."));
        QCOMPARE(outboxCount(), outboxBefore);
        // The store's message is shown in the user's language.
        QVERIFY(m_translations.install(QStringLiteral("fr")));
        save(d);
        QVERIFY(d);
        QCOMPARE(d->errorText(), QStringLiteral("Un groupe d'utilisateurs nommé Support existe déjà."));
        QVERIFY(m_translations.install(QStringLiteral("en")));
        // Fixing the name saves.
        d->findChild<QLineEdit *>(QStringLiteral("groupName"))->setText(QStringLiteral("Support 2"));
        save(d);
        QTRY_VERIFY(!d);
        QVERIFY(m_store->groups.findByName(QStringLiteral("Support 2")));
    }

    void renameSelected()
    {
        MainWindow w(*m_store, m_translations);
        w.show();
        w.showPage(MainWindow::Page::Groups);
        QVERIFY(select(w, QStringLiteral("Management")));
        const QString id = w.panel(MainWindow::Page::Groups)->selectedId();
        QPointer<GroupDialog> d = openDialog(w, page(w)->editAction());
        QVERIFY(d);
        auto *name = d->findChild<QLineEdit *>(QStringLiteral("groupName"));
        QCOMPARE(name->text(), QStringLiteral("Management"));
        // The demo's settings are shown: international calls set, voicemail inherited.
        QVERIFY(!d->findChild<QCheckBox *>(QStringLiteral("inherited_internationalCalls"))->isChecked());
        QVERIFY(d->findChild<QCheckBox *>(QStringLiteral("inherited_voicemail"))->isChecked());
        name->clear();
        QTest::keyClicks(name, QStringLiteral("Board"));
        save(d);
        QTRY_VERIFY(!d);
        auto g = m_store->groups.get(id);
        QVERIFY(g);
        QCOMPARE(g->name, QStringLiteral("Board"));
        QVERIFY(g->settings.internationalCalls.value_or(false));
        QVERIFY(rowOf(w, QStringLiteral("Board")) >= 0);
        QCOMPARE(rowOf(w, QStringLiteral("Management")), -1);
        QCOMPARE(m_store->outbox.pending()->last().operation, QStringLiteral("update"));
    }

    void settingReachesMembers()
    {
        // A member whose own setting is unset and whose first group is G gets G's value.
        auto users = m_store->users.list();
        QVERIFY(users);
        QString userId, groupId;
        for (const User &u : *users) {
            if (!u.groupIds.isEmpty() && !u.settings.noAnswerSeconds) {
                userId = u.id;
                groupId = u.groupIds.first();
                break;
            }
        }
        QVERIFY(!userId.isEmpty());
        const QString groupName = m_store->groups.get(groupId)->name;

        MainWindow w(*m_store, m_translations);
        w.show();
        w.showPage(MainWindow::Page::Groups);
        QVERIFY(select(w, groupName));
        QPointer<GroupDialog> d = openDialog(w, page(w)->editAction());
        QVERIFY(d);
        auto *inherited = d->findChild<QCheckBox *>(QStringLiteral("inherited_noAnswerSeconds"));
        auto *spin = d->findChild<QSpinBox *>(QStringLiteral("value_noAnswerSeconds"));
        QVERIFY(inherited && spin);
        QCOMPARE(spin->minimum(), 5);
        QCOMPARE(spin->maximum(), 120);
        if (inherited->isChecked())
            QTest::mouseClick(inherited, Qt::LeftButton);
        QVERIFY(spin->isEnabled());
        spin->setValue(45);
        save(d);
        QTRY_VERIFY(!d);
        QCOMPARE(m_store->groups.get(groupId)->settings.noAnswerSeconds, std::optional<int>(45));
        auto effective = m_store->users.effectiveSettings(userId);
        QVERIFY(effective);
        bool found = false;
        for (const EffectiveSetting &e : *effective) {
            if (e.key == ServiceSettings::Key::NoAnswerSeconds) {
                found = true;
                QCOMPARE(e.value.toInt(), 45);
                QCOMPARE(e.source, EffectiveSetting::Source::Group);
                QCOMPARE(e.sourceName, groupName);
            }
        }
        QVERIFY(found);

        // Back to "inherited": the group no longer sets it.
        QVERIFY(select(w, groupName));
        d = openDialog(w, page(w)->editAction());
        QVERIFY(d);
        QVERIFY(!d->findChild<QCheckBox *>(QStringLiteral("inherited_noAnswerSeconds"))->isChecked());
        QCOMPARE(d->findChild<QSpinBox *>(QStringLiteral("value_noAnswerSeconds"))->value(), 45);
        QTest::mouseClick(d->findChild<QCheckBox *>(QStringLiteral("inherited_noAnswerSeconds")), Qt::LeftButton);
        save(d);
        QTRY_VERIFY(!d);
        QVERIFY(!m_store->groups.get(groupId)->settings.noAnswerSeconds);
    }

    void deleteWithMembersRefusedThenRemoveMembers()
    {
        auto sales = m_store->groups.findByName(QStringLiteral("Sales"));
        QVERIFY(sales);
        const QString salesId = sales->id;
        auto members = m_store->users.list({}, salesId);
        QVERIFY(members);
        const qsizetype memberCount = members->size();
        QVERIFY(memberCount > 0);
        UserGroup nobody;
        nobody.name = QStringLiteral("Nobody yet");
        QVERIFY(m_store->groups.create(nobody));

        MainWindow w(*m_store, m_translations);
        w.show();
        w.showPage(MainWindow::Page::Groups);
        QAbstractItemModelTester tester(model(w), QAbstractItemModelTester::FailureReportingMode::QtTest);
        QVERIFY(select(w, QStringLiteral("Sales")));
        const int outboxBefore = outboxCount();
        // The members detail lists Sales' members.
        auto *membersView = w.findChild<QTableView *>(QStringLiteral("groupMembersTable"));
        QVERIFY(membersView);
        auto *membersModel = qobject_cast<PagedTableModel *>(membersView->model());
        QVERIFY(membersModel);
        QTRY_COMPARE(membersModel->totalCount(), int(memberCount));

        // Cancel first: nothing changes.
        page(w)->deleteAction()->trigger();
        QPointer<QMessageBox> box = w.findChild<QMessageBox *>(QStringLiteral("confirmDeleteGroup"));
        QVERIFY(box);
        QVERIFY(box->text().contains(QStringLiteral("still has")));
        QTest::mouseClick(box->findChild<QPushButton *>(QStringLiteral("cancelDeleteGroup")), Qt::LeftButton);
        QTRY_VERIFY(!box);
        QVERIFY(m_store->groups.findByName(QStringLiteral("Sales")));
        QCOMPARE(outboxCount(), outboxBefore);

        page(w)->deleteAction()->trigger();
        box = w.findChild<QMessageBox *>(QStringLiteral("confirmDeleteGroup"));
        QVERIFY(box);
        QTest::mouseClick(box->findChild<QPushButton *>(QStringLiteral("removeMembersAndDelete")), Qt::LeftButton);
        QTRY_VERIFY(!box);
        QVERIFY(!m_store->groups.findByName(QStringLiteral("Sales")));
        QVERIFY(!m_store->groups.get(salesId));
        QCOMPARE(rowOf(w, QStringLiteral("Sales")), -1);
        QCOMPARE(m_store->users.count({}, salesId).value(), 0);
        for (const User &u : *members) {
            auto now = m_store->users.get(u.id);
            QVERIFY(now);
            QVERIFY(!now->groupIds.contains(salesId));
            // The member's other groups are kept, in order.
            QStringList others = u.groupIds;
            others.removeAll(salesId);
            QCOMPARE(now->groupIds, others);
        }
        // One update per member and the delete, all pushed to the outbox.
        QCOMPARE(outboxCount(), outboxBefore + int(memberCount) + 1);
        const auto pending = m_store->outbox.pending();
        QCOMPARE(pending->last().operation, QStringLiteral("delete"));
        QCOMPARE(pending->last().entityId, salesId);
        QVERIFY(!w.findChild<QMessageBox *>(QStringLiteral("groupMessage")));
        // The detail lists the members of the group selected next.
        QVERIFY(select(w, QStringLiteral("Nobody yet")));
        QTRY_COMPARE(membersModel->totalCount(), 0);
    }

    void booleanAndCallerIdSettings()
    {
        MainWindow w(*m_store, m_translations);
        w.show();
        w.showPage(MainWindow::Page::Groups);
        QVERIFY(select(w, QStringLiteral("Support")));
        const QString id = w.panel(MainWindow::Page::Groups)->selectedId();
        QVERIFY(!m_store->groups.get(id)->settings.voicemail);
        QPointer<GroupDialog> d = openDialog(w, page(w)->editAction());
        QVERIFY(d);
        auto *voicemail = d->findChild<QCheckBox *>(QStringLiteral("value_voicemail"));
        QVERIFY(!voicemail->isEnabled());
        QTest::mouseClick(d->findChild<QCheckBox *>(QStringLiteral("inherited_voicemail")), Qt::LeftButton);
        QVERIFY(voicemail->isEnabled());
        voicemail->setChecked(false);
        QTest::mouseClick(d->findChild<QCheckBox *>(QStringLiteral("inherited_callerId")), Qt::LeftButton);
        auto *callerId = d->findChild<QComboBox *>(QStringLiteral("value_callerId"));
        QCOMPARE(callerId->count(), 3);
        callerId->setCurrentIndex(callerId->findData(static_cast<int>(ServiceSettings::CallerId::Hidden)));
        // Call recording was set by the demo: make it inherited.
        QTest::mouseClick(d->findChild<QCheckBox *>(QStringLiteral("inherited_callRecording")), Qt::LeftButton);
        save(d);
        QTRY_VERIFY(!d);
        const ServiceSettings s = m_store->groups.get(id)->settings;
        QCOMPARE(s.voicemail, std::optional<bool>(false));
        QCOMPARE(s.callerId, std::optional<ServiceSettings::CallerId>(ServiceSettings::CallerId::Hidden));
        QVERIFY(!s.callRecording);
        QCOMPARE(s.noAnswerSeconds, std::optional<int>(30));
        QCOMPARE(m_store->outbox.pending()->last().entityId, id);
    }

    void removeMembersAndDeleteIsOneTransaction()
    {
        // The delete fails after every member was updated: nothing of it may remain.
        auto sales = m_store->groups.findByName(QStringLiteral("Sales"));
        QVERIFY(sales);
        const int members = m_store->users.count({}, sales->id).value();
        QVERIFY(members > 0);
        QVERIFY(m_store->database().exec(QStringLiteral("CREATE TEMP TRIGGER refuse_group_delete BEFORE DELETE ON user_group "
                                                        "BEGIN SELECT RAISE(ABORT, 'refused by test'); END")));
        MainWindow w(*m_store, m_translations);
        w.show();
        w.showPage(MainWindow::Page::Groups);
        QVERIFY(select(w, QStringLiteral("Sales")));
        const int outboxBefore = outboxCount();
        QVERIFY(!page(w)->removeMembersAndDelete(sales->id));
        QVERIFY(w.findChild<QMessageBox *>(QStringLiteral("groupMessage")));
        QVERIFY(m_store->groups.get(sales->id));
        QCOMPARE(m_store->users.count({}, sales->id).value(), members);
        QCOMPARE(outboxCount(), outboxBefore);
    }

    void deleteEmptyGroup()
    {
        UserGroup empty;
        empty.name = QStringLiteral("Empty");
        auto created = m_store->groups.create(empty);
        QVERIFY(created);
        MainWindow w(*m_store, m_translations);
        w.show();
        w.showPage(MainWindow::Page::Groups);
        QVERIFY(select(w, QStringLiteral("Empty")));
        const int outboxBefore = outboxCount();
        page(w)->deleteAction()->trigger();
        QVERIFY(!w.findChild<QMessageBox *>(QStringLiteral("confirmDeleteGroup")));
        QVERIFY(!m_store->groups.get(created->id));
        QCOMPARE(rowOf(w, QStringLiteral("Empty")), -1);
        QCOMPARE(outboxCount(), outboxBefore + 1);
    }
};

QTEST_MAIN(TestGroupsPanel)
#include "tst_groups_panel.moc"

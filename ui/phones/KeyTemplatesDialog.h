#pragma once

#include "domain/KeyTemplate.h"

#include <QDialog>

class QLabel;
class QLineEdit;
class QListWidget;
class QListWidgetItem;
class QPushButton;
class QTableView;

namespace centrale {

class KeyDialog;
class PhoneKeysModel;
class Store;

// Key templates: named sets of keys attached to user groups. The keys appear on the phones of the
// groups' members unless a phone programs that key itself. Every change is saved at once.
class KeyTemplatesDialog final : public QDialog {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(KeyTemplatesDialog)
public:
    explicit KeyTemplatesDialog(Store &store, QWidget *parent = nullptr);

    // Creates a template with this name (a free "New template" name when empty) and selects it.
    bool createTemplate(const QString &name = {});
    bool renameCurrent(const QString &name);
    // Asks for confirmation (a message box opened with open()), then deletes.
    QWidget *deleteCurrent();
    bool removeCurrent();
    bool selectTemplate(const QString &name);
    QString currentId() const;

    // The key dialog for a new key (asks which) or for the template's key at that index.
    KeyDialog *addKey();
    KeyDialog *editKey(int keyIndex);
    bool removeKey(int keyIndex);
    bool setAttached(const QString &groupId, bool attached);

    QListWidget *templateList() const { return m_list; }
    QListWidget *groupList() const { return m_groups; }
    QTableView *keysView() const { return m_keysView; }
    PhoneKeysModel *keysModel() const { return m_keys; }
    QLineEdit *nameEdit() const { return m_name; }
    QString errorText() const;

Q_SIGNALS:
    // A template changed: members' phones may have changes waiting.
    void changed();

private:
    void loadTemplates(const QString &selectId = {});
    void showTemplate();
    bool save(const KeyTemplate &keyTemplate);
    void showError(const QString &text);
    int selectedKeyIndex() const;
    void updateButtons();

    Store &m_store;
    QList<KeyTemplate> m_templates;
    KeyTemplate m_current;
    QListWidget *m_list;
    QLineEdit *m_name;
    QPushButton *m_new;
    QPushButton *m_rename;
    QPushButton *m_delete;
    PhoneKeysModel *m_keys;
    QTableView *m_keysView;
    QPushButton *m_addKey;
    QPushButton *m_editKey;
    QPushButton *m_removeKey;
    QListWidget *m_groups;
    QLabel *m_error;
};

} // namespace centrale

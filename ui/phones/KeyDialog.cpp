#include "phones/KeyDialog.h"

#include "domain/PhoneNumbers.h"
#include "phones/UserSearchDialog.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSpinBox>
#include <QStackedWidget>
#include <QToolButton>
#include <QVBoxLayout>

namespace centrale {

namespace {
constexpr int MaxLabelLength = 24; // what SipPhone::normaliseKeyContent accepts
}

KeyDialog::KeyDialog(Store &store, int fixedIndex, int maxIndex, bool allowInherit, QWidget *parent)
    : QDialog(parent), m_store(store), m_fixedIndex(fixedIndex), m_type(new QComboBox(this)), m_index(new QSpinBox(this)),
      m_pages(new QStackedWidget(this)), m_colleague(new QLineEdit(this)), m_find(new QToolButton(this)),
      m_extensionLabel(new QLineEdit(this)), m_displayName(new QLineEdit(this)), m_number(new QLineEdit(this)),
      m_numberHint(new QLabel(this)), m_error(new QLabel(this)),
      m_buttons(new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this))
{
    setObjectName(QStringLiteral("keyDialog"));
    setWindowTitle(fixedIndex > 0 ? tr("Key %1").arg(fixedIndex) : tr("Program a key"));

    m_type->setObjectName(QStringLiteral("keyType"));
    m_type->addItem(SipPhone::keyTypeLabel(PhoneKey::Type::Empty), static_cast<int>(Choice::Empty));
    m_type->addItem(SipPhone::keyTypeLabel(PhoneKey::Type::Extension), static_cast<int>(Choice::Extension));
    m_type->addItem(SipPhone::keyTypeLabel(PhoneKey::Type::External), static_cast<int>(Choice::External));
    if (allowInherit)
        m_type->addItem(tr("Inherit from the key template"), static_cast<int>(Choice::Inherit));
    m_index->setObjectName(QStringLiteral("keyIndex"));
    m_index->setRange(1, qMax(1, maxIndex));
    m_index->setValue(qMax(1, fixedIndex));

    // One page per type: nothing, a colleague, a number.
    auto *emptyPage = new QLabel(this);
    emptyPage->setObjectName(QStringLiteral("keyExplanation"));
    emptyPage->setWordWrap(true);
    m_pages->addWidget(emptyPage);

    auto *extensionPage = new QWidget(this);
    m_colleague->setObjectName(QStringLiteral("keyColleague"));
    m_colleague->setReadOnly(true);
    m_colleague->setPlaceholderText(tr("Choose a colleague with the magnifier"));
    m_find->setObjectName(QStringLiteral("keyFindColleague"));
    m_find->setIcon(QIcon::fromTheme(QStringLiteral("edit-find")));
    m_find->setText(tr("Find…"));
    m_find->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
    m_find->setToolTip(tr("Find a colleague by name, number or username"));
    m_extensionLabel->setObjectName(QStringLiteral("keyExtensionLabel"));
    m_extensionLabel->setMaxLength(MaxLabelLength);
    m_extensionLabel->setPlaceholderText(tr("The colleague's name"));
    auto *colleagueRow = new QHBoxLayout;
    colleagueRow->setContentsMargins(0, 0, 0, 0);
    colleagueRow->addWidget(m_colleague, 1);
    colleagueRow->addWidget(m_find);
    auto *extensionForm = new QFormLayout(extensionPage);
    extensionForm->setContentsMargins(0, 0, 0, 0);
    extensionForm->addRow(tr("Colleague:"), colleagueRow);
    extensionForm->addRow(tr("Label on the phone:"), m_extensionLabel);
    m_pages->addWidget(extensionPage);

    auto *numberPage = new QWidget(this);
    m_displayName->setObjectName(QStringLiteral("keyDisplayName"));
    m_displayName->setMaxLength(MaxLabelLength);
    m_displayName->setPlaceholderText(tr("Shown on the phone's screen"));
    m_number->setObjectName(QStringLiteral("keyNumber"));
    m_number->setPlaceholderText(tr("+32 2 345 67 89"));
    m_numberHint->setObjectName(QStringLiteral("keyNumberHint"));
    m_numberHint->setWordWrap(true);
    auto *numberForm = new QFormLayout(numberPage);
    numberForm->setContentsMargins(0, 0, 0, 0);
    numberForm->addRow(tr("Display name:"), m_displayName);
    numberForm->addRow(tr("Number:"), m_number);
    numberForm->addRow(QString(), m_numberHint);
    m_pages->addWidget(numberPage);
    // The inherit page says what it means.
    auto *inheritPage = new QLabel(tr("The key shows what the key template of the user's groups programs on it, if any."), this);
    inheritPage->setWordWrap(true);
    m_pages->addWidget(inheritPage);
    emptyPage->setText(tr("Nothing on this key, even where a key template programs it."));

    m_error->setObjectName(QStringLiteral("keyError"));
    m_error->setWordWrap(true);
    m_error->setStyleSheet(QStringLiteral("color: #b00020;"));
    m_buttons->button(QDialogButtonBox::Ok)->setObjectName(QStringLiteral("keyOk"));

    auto *form = new QFormLayout;
    if (fixedIndex <= 0)
        form->addRow(tr("&Key:"), m_index);
    else
        m_index->hide();
    form->addRow(tr("&Type:"), m_type);
    auto *layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addWidget(m_pages);
    layout->addWidget(m_error);
    layout->addStretch(1);
    layout->addWidget(m_buttons);
    setMinimumWidth(460);

    connect(m_type, &QComboBox::currentIndexChanged, this, [this] {
        m_pages->setCurrentIndex(static_cast<int>(choice()));
        validate();
    });
    connect(m_find, &QToolButton::clicked, this, &KeyDialog::findColleague);
    connect(m_extensionLabel, &QLineEdit::textChanged, this, &KeyDialog::validate);
    connect(m_displayName, &QLineEdit::textChanged, this, &KeyDialog::validate);
    connect(m_number, &QLineEdit::textChanged, this, &KeyDialog::validate);
    connect(m_index, &QSpinBox::valueChanged, this, &KeyDialog::validate);
    connect(m_buttons, &QDialogButtonBox::accepted, this, [this] {
        if (m_problem.isEmpty())
            accept();
    });
    connect(m_buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    m_pages->setCurrentIndex(0);
    validate();
}

QPushButton *KeyDialog::okButton() const
{
    return m_buttons->button(QDialogButtonBox::Ok);
}

void KeyDialog::setKey(const PhoneKey &key, const QString &colleagueName)
{
    if (m_fixedIndex <= 0 && key.index > 0)
        m_index->setValue(key.index);
    m_userId = key.userId;
    m_colleague->setText(key.type == PhoneKey::Type::Extension ? colleagueName : QString());
    m_extensionLabel->setText(key.type == PhoneKey::Type::Extension ? key.displayName : QString());
    m_displayName->setText(key.type == PhoneKey::Type::External ? key.displayName : QString());
    m_number->setText(key.type == PhoneKey::Type::External ? PhoneNumbers::formatInternational(key.number) : QString());
    switch (key.type) {
    case PhoneKey::Type::Empty:
        setChoice(Choice::Empty);
        break;
    case PhoneKey::Type::Extension:
        setChoice(Choice::Extension);
        break;
    case PhoneKey::Type::External:
        setChoice(Choice::External);
        break;
    }
    validate();
}

void KeyDialog::setChoice(Choice c)
{
    const int i = m_type->findData(static_cast<int>(c));
    if (i >= 0)
        m_type->setCurrentIndex(i);
}

KeyDialog::Choice KeyDialog::choice() const
{
    return static_cast<Choice>(m_type->currentData().toInt());
}

UserSearchDialog *KeyDialog::findColleague()
{
    if (m_search)
        return m_search;
    auto *search = new UserSearchDialog(m_store, this);
    search->setAttribute(Qt::WA_DeleteOnClose);
    m_search = search;
    connect(search, &QDialog::accepted, this, [this, search] { setColleague(search->selectedUserId(), search->selectedUserName()); });
    search->open();
    return search;
}

void KeyDialog::setColleague(const QString &userId, const QString &name)
{
    if (userId.isEmpty())
        return;
    m_userId = userId;
    m_colleague->setText(name);
    setChoice(Choice::Extension);
    validate();
}

PhoneKey KeyDialog::entered() const
{
    PhoneKey k;
    k.index = m_fixedIndex > 0 ? m_fixedIndex : m_index->value();
    switch (choice()) {
    case Choice::Empty:
    case Choice::Inherit:
        k.type = PhoneKey::Type::Empty;
        break;
    case Choice::Extension:
        k.type = PhoneKey::Type::Extension;
        k.userId = m_userId;
        k.displayName = m_extensionLabel->text();
        break;
    case Choice::External:
        k.type = PhoneKey::Type::External;
        k.displayName = m_displayName->text();
        k.number = m_number->text();
        break;
    }
    return k;
}

PhoneKey KeyDialog::key() const
{
    PhoneKey k = entered();
    (void)SipPhone::normaliseKeyContent(k);
    return k;
}

void KeyDialog::validate()
{
    // The number's hint: what will be saved, or why it cannot be.
    const QString typed = m_number->text().trimmed();
    if (typed.isEmpty()) {
        m_numberHint->setText(tr("Type the number as people dial it, e.g. 02 345 67 89 or +32 475 12 34 56."));
        m_numberHint->setStyleSheet({});
    } else if (auto e164 = PhoneNumbers::toE164(typed); e164) {
        m_numberHint->setText(tr("Saved as %1").arg(*e164));
        m_numberHint->setStyleSheet({});
    } else {
        m_numberHint->setText(e164.error().message);
        m_numberHint->setStyleSheet(QStringLiteral("color: #b00020;"));
    }

    PhoneKey k = entered();
    const Status s = SipPhone::normaliseKeyContent(k);
    m_problem = s ? QString() : s.error().message;
    // The number's own problem is already under the number.
    const bool numberProblem = choice() == Choice::External && !typed.isEmpty() && !PhoneNumbers::toE164(typed);
    m_error->setText(numberProblem ? QString() : m_problem);
    m_error->setVisible(!m_error->text().isEmpty());
    okButton()->setEnabled(m_problem.isEmpty());
}

} // namespace centrale

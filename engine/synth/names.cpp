#include "engine/synth/names.h"

#include <algorithm>
#include <array>
#include <cctype>
#include <map>
#include <string_view>
#include <vector>

#include "engine/synth/rng.h"

namespace casegraph::synth::names {

namespace {

using namespace std::string_view_literals;

// Pooled, not grouped by origin: the order below is only for the reader.
constexpr std::array kFemale = {
    "Olivia"sv, "Emily"sv, "Chloe"sv, "Hannah"sv, "Grace"sv, "Sophie"sv, "Jessica"sv, "Megan"sv, "Ellie"sv,
    "Amelia"sv, "Lucy"sv, "Charlotte"sv, "Rhiannon"sv, "Cerys"sv, "Eilidh"sv, "Isla"sv, "Ruby"sv, "Poppy"sv,
    "Freya"sv, "Abigail"sv, "Leah"sv, "Jade"sv, "Siobhan"sv, "Aoife"sv, "Niamh"sv, "Róisín"sv, "Saoirse"sv,
    "Ciara"sv, "Zofia"sv, "Agnieszka"sv, "Katarzyna"sv, "Małgorzata"sv, "Maja"sv, "Natalia"sv, "Weronika"sv,
    "Ioana"sv, "Andreea"sv, "Bianca"sv, "Roxana"sv, "Elena"sv, "Gabriela"sv, "Mihaela"sv, "Ieva"sv, "Rūta"sv,
    "Aistė"sv, "Hodan"sv, "Amina"sv, "Ifrah"sv, "Fadumo"sv, "Sagal"sv, "Ayaan"sv, "Ngozi"sv, "Chiamaka"sv,
    "Adaeze"sv, "Folake"sv, "Kemi"sv, "Funmilayo"sv, "Precious"sv, "Blessing"sv, "Abena"sv, "Akosua"sv,
    "Efua"sv, "Ayesha"sv, "Fatima"sv, "Hira"sv, "Sana"sv, "Zainab"sv, "Maryam"sv, "Nusrat"sv, "Tahmina"sv,
    "Farzana"sv, "Priya"sv, "Anjali"sv, "Kavya"sv, "Harpreet"sv, "Simran"sv, "Gurpreet"sv, "Alisha"sv,
    "Kiran"sv, "Leila"sv, "Yasmin"sv, "Noor"sv, "Huda"sv, "Rania"sv, "Safiya"sv, "Aaliyah"sv, "Layla"sv,
    "Shirin"sv, "Rojin"sv, "Dilan"sv, "Roya"sv, "Parisa"sv, "Elif"sv, "Zeynep"sv, "Ayşe"sv, "Mei"sv, "Xiu"sv,
    "Lina"sv, "Jing"sv, "Yan"sv, "Linh"sv, "Thu"sv, "Ngoc"sv, "Mai"sv, "Maricel"sv, "Angelica"sv, "Jasmine"sv,
    "Shanice"sv, "Tanisha"sv, "Keisha"sv, "Latoya"sv, "Sienna"sv, "Tia"sv, "Ana"sv, "Beatriz"sv, "Inês"sv,
    "Mariana"sv, "Lucía"sv, "Carmen"sv, "Giulia"sv, "Francesca"sv, "Eleni"sv, "Dimitra"sv, "Anisa"sv,
    "Jonida"sv, "Era"sv, "Selam"sv, "Senait"sv, "Desislava"sv, "Oksana"sv, "Olena"sv, "Nadia"sv,
};

constexpr std::array kMale = {
    "Jack"sv, "Oliver"sv, "Harry"sv, "George"sv, "Thomas"sv, "James"sv, "William"sv, "Callum"sv, "Liam"sv,
    "Ethan"sv, "Connor"sv, "Kyle"sv, "Rhys"sv, "Dylan"sv, "Ewan"sv, "Finlay"sv, "Reece"sv, "Kieran"sv,
    "Jordan"sv, "Ciarán"sv, "Seán"sv, "Declan"sv, "Pádraig"sv, "Łukasz"sv, "Piotr"sv, "Tomasz"sv, "Kacper"sv,
    "Jakub"sv, "Krzysztof"sv, "Mateusz"sv, "Ionuț"sv, "Andrei"sv, "Mihai"sv, "Florin"sv, "Bogdan"sv,
    "Mantas"sv, "Tomas"sv, "Jonas"sv, "Abdi"sv, "Mahad"sv, "Abdirahman"sv, "Mohamed"sv, "Hassan"sv,
    "Chinedu"sv, "Emeka"sv, "Obinna"sv, "Tunde"sv, "Olumide"sv, "Oluwaseun"sv, "Kwame"sv, "Kofi"sv, "Yaw"sv,
    "Kwabena"sv, "Imran"sv, "Bilal"sv, "Usman"sv, "Zain"sv, "Hamza"sv, "Tariq"sv, "Arjun"sv, "Ravi"sv,
    "Sanjay"sv, "Vikram"sv, "Gurdeep"sv, "Harjit"sv, "Rahul"sv, "Shahid"sv, "Rafiq"sv, "Omar"sv, "Yusuf"sv,
    "Ahmed"sv, "Khalid"sv, "Karim"sv, "Rebin"sv, "Karwan"sv, "Soran"sv, "Dara"sv, "Reza"sv, "Arash"sv,
    "Kian"sv, "Mehmet"sv, "Emre"sv, "Burak"sv, "Wei"sv, "Jun"sv, "Hao"sv, "Ming"sv, "Jian"sv, "Minh"sv,
    "Duc"sv, "Tuan"sv, "José"sv, "Marlon"sv, "Delroy"sv, "Tyrone"sv, "Jermaine"sv, "Leon"sv, "Andre"sv,
    "João"sv, "Tiago"sv, "Rui"sv, "Pedro"sv, "Diego"sv, "Javier"sv, "Marco"sv, "Luca"sv, "Giorgos"sv,
    "Nikos"sv, "Arben"sv, "Besnik"sv, "Dawit"sv, "Yonas"sv, "Samuel"sv, "Daniel"sv, "Dmytro"sv,
    "Oleksandr"sv, "Ivan"sv, "Georgi"sv, "Stefan"sv, "Aleksandr"sv, "Kai"sv, "Malik"sv, "Isaac"sv, "Elijah"sv,
    "Ashok"sv, "Sunil"sv,
};

constexpr std::array kSurnames = {
    "Hughes"sv, "Fletcher"sv, "Barker"sv, "Holt"sv, "Parry"sv, "Walsh"sv, "Murphy"sv, "O'Brien"sv, "Byrne"sv,
    "Doyle"sv, "Gallagher"sv, "Kavanagh"sv, "Jones"sv, "Evans"sv, "Davies"sv, "Price"sv, "Morgan"sv,
    "MacLeod"sv, "Fraser"sv, "Robertson"sv, "Stewart"sv, "Thompson"sv, "Clarke"sv, "Reid"sv, "Brown"sv,
    "Williams"sv, "Taylor"sv, "Wright"sv, "Turner"sv, "Harrison"sv, "Cooper"sv, "Ward"sv, "Kelly"sv,
    "Quinn"sv, "Nowak"sv, "Wójcik"sv, "Mazur"sv, "Kaczmarek"sv, "Kowalski"sv, "Wiśniewski"sv,
    "Lewandowski"sv, "Zieliński"sv, "Szymański"sv, "Dąbrowski"sv, "Kamiński"sv, "Popescu"sv, "Ionescu"sv,
    "Dumitru"sv, "Munteanu"sv, "Constantinescu"sv, "Stan"sv, "Stoica"sv, "Gheorghe"sv, "Rusu"sv, "Marin"sv,
    "Kazlauskas"sv, "Petrauskas"sv, "Jankauskas"sv, "Žukauskas"sv, "Warsame"sv, "Farah"sv, "Abdullahi"sv,
    "Jama"sv, "Osman"sv, "Mohamud"sv, "Ali"sv, "Nur"sv, "Egal"sv, "Okafor"sv, "Adeyemi"sv, "Okonkwo"sv,
    "Balogun"sv, "Eze"sv, "Adebayo"sv, "Okeke"sv, "Nwosu"sv, "Oyelaran"sv, "Olawale"sv, "Bello"sv,
    "Ibrahim"sv, "Mensah"sv, "Owusu"sv, "Boateng"sv, "Asante"sv, "Appiah"sv, "Osei"sv, "Acheampong"sv,
    "Khan"sv, "Hussain"sv, "Iqbal"sv, "Akhtar"sv, "Rashid"sv, "Mahmood"sv, "Begum"sv, "Patel"sv, "Shah"sv,
    "Singh"sv, "Kaur"sv, "Sandhu"sv, "Gill"sv, "Sharma"sv, "Gupta"sv, "Chowdhury"sv, "Rahman"sv, "Islam"sv,
    "Uddin"sv, "Miah"sv, "Nair"sv, "Pillai"sv, "Reddy"sv, "Al-Sayed"sv, "Haddad"sv, "Nasser"sv, "Saleh"sv,
    "Mansour"sv, "Mohammadi"sv, "Karimi"sv, "Rostami"sv, "Amini"sv, "Hosseini"sv, "Rahimi"sv, "Ahmadi"sv,
    "Zandi"sv, "Yilmaz"sv, "Kaya"sv, "Demir"sv, "Çelik"sv, "Şahin"sv, "Öztürk"sv, "Chen"sv, "Wang"sv, "Li"sv,
    "Zhang"sv, "Liu"sv, "Huang"sv, "Zhao"sv, "Wu"sv, "Lin"sv, "Zhou"sv, "Nguyen"sv, "Tran"sv, "Le"sv,
    "Pham"sv, "Hoang"sv, "Vu"sv, "Santos"sv, "Reyes"sv, "Cruz"sv, "Bautista"sv, "Mendoza"sv, "Campbell"sv,
    "Bailey"sv, "Gordon"sv, "Francis"sv, "Powell"sv, "Grant"sv, "Silva"sv, "Gonçalves"sv, "Ferreira"sv,
    "Costa"sv, "Pereira"sv, "Sousa"sv, "Rodrigues"sv, "Almeida"sv, "García"sv, "Fernández"sv, "López"sv,
    "Martínez"sv, "Sánchez"sv, "Rossi"sv, "Russo"sv, "Esposito"sv, "Romano"sv, "Ricci"sv,
    "Papadopoulos"sv, "Georgiou"sv, "Nikolaidis"sv, "Krasniqi"sv, "Gashi"sv, "Shehu"sv, "Tesfaye"sv,
    "Haile"sv, "Gebre"sv, "Tekle"sv, "Bekele"sv, "Bondarenko"sv, "Kovalenko"sv, "Melnyk"sv, "Ivanov"sv,
    "Petrov"sv, "Dimitrov"sv, "Georgiev"sv,
};

// Transliterations and alternative spellings: "name|variant|variant...".
constexpr std::array kSpellings = {
    "Mohamed|Mohammed|Muhammad|Mohamad"sv, "Yusuf|Yousuf|Yusef|Youssef"sv, "Ahmed|Ahmad|Ahmet"sv,
    "Hassan|Hasan"sv, "Omar|Umar"sv, "Khalid|Khaled"sv, "Karim|Kareem"sv, "Hamza|Hamzah"sv,
    "Tariq|Tarik|Tareq"sv, "Bilal|Belal"sv, "Usman|Uthman|Osman"sv, "Imran|Imraan"sv, "Zain|Zayn|Zane"sv,
    "Abdirahman|Abdurahman|Abdulrahman"sv, "Reza|Riza"sv, "Mehmet|Mehmed"sv, "Rafiq|Rafik|Rafeeq"sv,
    "Shahid|Shahed"sv, "Aleksandr|Alexander|Aleksander"sv, "Oleksandr|Aleksandr|Olexandr"sv,
    "Dmytro|Dmitri|Dmitry"sv, "Ivan|Iwan"sv, "Georgi|Georgy|Gheorghi"sv, "Giorgos|Yiorgos|Georgios"sv,
    "Nikos|Nicos"sv, "Łukasz|Lukasz|Lucas"sv, "Ionuț|Ionut"sv, "Seán|Sean|Shaun|Shawn"sv,
    "Ciarán|Ciaran|Kieran"sv, "Pádraig|Padraig|Patrick"sv, "João|Joao"sv, "José|Jose"sv,
    "Mantas|Mantaz"sv, "Dawit|Dawid|Davit"sv, "Yonas|Jonas|Yohannes"sv, "Kwabena|Kobina"sv,
    "Tunde|Tundey"sv, "Obinna|Obina"sv, "Arjun|Arjan"sv, "Gurdeep|Gurdip"sv, "Harjit|Harjeet"sv,
    "Ayesha|Aisha|Aishah|Ayisha"sv, "Fatima|Fatimah|Fatma"sv, "Maryam|Mariam|Miriam"sv,
    "Zainab|Zaynab|Zeinab"sv, "Amina|Aminah|Ameena"sv, "Yasmin|Yasmine|Jasmin"sv, "Leila|Layla|Laila|Leyla"sv,
    "Layla|Leila|Laila"sv, "Noor|Nur"sv, "Huda|Houda"sv, "Hodan|Hoodan"sv, "Ifrah|Ifra"sv, "Fadumo|Faduma"sv,
    "Sagal|Saagal"sv, "Ayaan|Ayan"sv, "Shirin|Shireen|Sherin"sv, "Rania|Raniya"sv,
    "Siobhan|Shivaun|Shevaun"sv, "Niamh|Neve|Neeve"sv, "Saoirse|Sersha"sv, "Róisín|Roisin|Rosheen"sv,
    "Ciara|Kiara|Keira"sv, "Zofia|Sofia|Zophia"sv, "Małgorzata|Malgorzata"sv, "Ioana|Joana|Yoana"sv,
    "Andreea|Andrea"sv, "Elena|Yelena|Helena"sv, "Olena|Elena|Alyona"sv, "Oksana|Oxana"sv,
    "Mihaela|Michaela"sv, "Mei|May"sv, "Xiu|Hsiu"sv, "Jing|Ching"sv, "Ayşe|Ayse|Aise"sv, "Zeynep|Zeinep"sv,
    "Shanice|Shaniece|Chanice"sv, "Tanisha|Tanesha"sv, "Keisha|Keshia|Kiesha"sv, "Latoya|LaToya"sv,
    "Inês|Ines"sv, "Lucía|Lucia"sv, "Eleni|Elena|Helen"sv, "Anisa|Anissa"sv, "Senait|Senayt"sv,
    "Priya|Pria"sv, "Harpreet|Harprit"sv, "Gurpreet|Gurprit"sv, "Farzana|Farzanah"sv,
    "Tahmina|Tahmeena"sv, "Safiya|Safia|Safiyya"sv, "Aaliyah|Aliyah|Aliya"sv, "Megan|Meghan|Meagan"sv,
    "Cerys|Ceris"sv, "Nusrat|Nusrath"sv, "Funmilayo|Funmilola"sv, "Ngozi|Ngozie"sv,
    "Mahmood|Mahmud|Mehmood"sv, "Hussain|Hussein|Husain"sv, "Mohammadi|Mohamadi|Muhammadi"sv,
    "Warsame|Warsami"sv, "Abdullahi|Abdulahi|Abdillahi"sv, "Mohamud|Mohamoud|Muhumed"sv,
    "Thompson|Thomson"sv, "Clarke|Clark"sv, "Reid|Reed|Read"sv, "Byrne|Burne|Byrnes"sv, "Popescu|Popesku"sv,
    "O'Brien|OBrien|O Brien|O'Brian"sv, "MacLeod|McLeod|Macleod"sv, "Chowdhury|Choudhury|Chaudhry"sv,
    "Rahman|Rehman"sv, "Uddin|Udin"sv, "Miah|Mia|Meah"sv, "Al-Sayed|Alsayed|El-Sayed|El Sayed"sv,
    "Haddad|Hadad"sv, "Hosseini|Husseini|Hoseini"sv, "Rahimi|Raheemi"sv, "Ahmadi|Ahmady"sv,
    "Yilmaz|Yılmaz"sv, "Nguyen|Nguyễn"sv, "Tran|Trần"sv, "Pham|Phạm"sv, "Zhang|Cheung|Chang"sv,
    "Zhou|Chou|Chow"sv, "Wang|Wong"sv, "Chen|Chan"sv, "Li|Lee"sv, "Liu|Lau"sv, "Zhao|Chiu"sv, "Lin|Lam"sv,
    "Wu|Ng|Woo"sv, "Huang|Wong"sv, "Gebre|Ghebre"sv, "Tesfaye|Tesfay"sv, "Tekle|Teklay"sv,
    "Bondarenko|Bondarenco"sv, "Kovalenko|Kowalenko"sv, "Ivanov|Ivanoff|Iwanow"sv, "Petrov|Petroff"sv,
    "Dimitrov|Dimitroff"sv, "Georgiev|Georgieff"sv, "Krasniqi|Krasniki"sv, "Shehu|Sheu"sv,
    "Okonkwo|Okonkow"sv, "Adebayo|Adebayor"sv, "Kazlauskas|Kazlauskiene"sv, "Papadopoulos|Papadopoulou"sv,
    "Rodrigues|Rodriguez"sv, "Pereira|Pereyra"sv, "Gonçalves|Goncalves|Gonsalves"sv, "Sousa|Souza"sv,
    "Iqbal|Ikbal"sv, "Akhtar|Akhter|Akthar"sv, "Rashid|Rasheed"sv, "Chowdhury|Chaudhury"sv,
};

// Short forms and nicknames: "name|nickname|nickname...".
constexpr std::array kNicknames = {
    "William|Will|Bill|Billy"sv, "Thomas|Tom|Tommy"sv, "James|Jim|Jamie"sv, "Oliver|Ollie"sv,
    "George|Georgie"sv, "Callum|Cal"sv, "Daniel|Dan|Danny"sv, "Samuel|Sam|Sammy"sv, "Elijah|Eli"sv,
    "Stefan|Stef"sv, "Charlotte|Charlie|Lottie"sv, "Jessica|Jess"sv, "Emily|Em|Emmy"sv, "Amelia|Millie"sv,
    "Abigail|Abbie|Abi"sv, "Hannah|Han"sv, "Francesca|Fran|Frankie"sv, "Gabriela|Gabi"sv,
    "Natalia|Nat|Natka"sv, "Katarzyna|Kasia|Kate"sv, "Małgorzata|Gosia"sv, "Agnieszka|Aga"sv,
    "Aleksandr|Sasha"sv, "Oleksandr|Sasha"sv, "Dmytro|Dima"sv, "Krzysztof|Krzys|Chris"sv, "Jakub|Kuba"sv,
    "Piotr|Piotrek|Peter"sv, "Tomasz|Tomek|Tom"sv, "Mateusz|Mati"sv, "Abdirahman|Abdi"sv, "Mohamed|Mo"sv,
    "Oluwaseun|Seun"sv, "Olumide|Mide"sv, "Funmilayo|Funmi"sv, "Chinedu|Nedu"sv, "Chiamaka|Amaka"sv,
    "Adaeze|Ada"sv, "Kwabena|Kobby"sv, "Andrei|Andy"sv, "Tyrone|Ty"sv, "Delroy|Del"sv, "Sanjay|Sanj"sv,
    "Vikram|Vik"sv, "Mariana|Mari"sv, "Beatriz|Bia"sv, "Weronika|Wera"sv, "Zofia|Zosia"sv,
    "Giorgos|George"sv, "Ionuț|Ionel"sv, "Abdi|Abdirahman"sv, "Jonas|Jonny"sv, "Harpreet|Harry"sv,
    "Gurpreet|Preeti"sv, "Jermaine|Jerm"sv, "Nadia|Nadz"sv, "Jasmine|Jas|Jazz"sv, "Alisha|Ali"sv,
};

// Street names, recorded as aliases.
constexpr std::array kStreetNames = {
    "Tank"sv,  "Snowy"sv, "Biggie"sv, "Lucky"sv,  "Smokey"sv, "Prince"sv, "Red"sv,    "Ghost"sv,
    "Junior"sv, "Chef"sv, "Boss"sv,   "Slim"sv,   "Ace"sv,    "Blaze"sv,  "Rocky"sv,  "Ice"sv,
    "Duke"sv,  "Tiny"sv,  "Shadow"sv, "Skinny"sv, "Bugsy"sv,  "Spider"sv, "Flex"sv,   "Bandit"sv,
    "Scar"sv,  "Nitro"sv, "Gizmo"sv,  "Ninja"sv,  "Dotty"sv,  "Mack"sv,   "Sparks"sv, "Wolf"sv,
};

// name -> alternatives, from a "name|alt|alt" table.
class VariantTable {
 public:
  template <std::size_t N>
  explicit VariantTable(const std::array<std::string_view, N>& rows) {
    for (std::string_view row : rows) {
      const std::size_t bar = row.find('|');
      std::vector<std::string_view>& alts = table_[row.substr(0, bar)];
      std::size_t from = bar + 1;
      while (from <= row.size()) {
        std::size_t to = row.find('|', from);
        if (to == std::string_view::npos) to = row.size();
        const std::string_view alt = row.substr(from, to - from);
        if (std::find(alts.begin(), alts.end(), alt) == alts.end()) alts.push_back(alt);
        from = to + 1;
      }
    }
  }
  std::span<const std::string_view> find(std::string_view name) const {
    const auto it = table_.find(name);
    if (it == table_.end()) return {};
    return it->second;
  }

 private:
  std::map<std::string_view, std::vector<std::string_view>, std::less<>> table_;
};

const VariantTable& spellings() {
  static const VariantTable table(kSpellings);
  return table;
}
const VariantTable& nickname_table() {
  static const VariantTable table(kNicknames);
  return table;
}

// Decodes one UTF-8 code point at text[i] (input is valid UTF-8), advancing i.
char32_t next_code_point(std::string_view text, std::size_t& i) {
  const auto b = static_cast<unsigned char>(text[i]);
  int len = b < 0x80 ? 1 : b < 0xE0 ? 2 : b < 0xF0 ? 3 : 4;
  char32_t cp = len == 1 ? b : len == 2 ? (b & 0x1Fu) : len == 3 ? (b & 0x0Fu) : (b & 0x07u);
  for (int k = 1; k < len && i + static_cast<std::size_t>(k) < text.size(); ++k)
    cp = (cp << 6) | (static_cast<unsigned char>(text[i + static_cast<std::size_t>(k)]) & 0x3Fu);
  i += static_cast<std::size_t>(len);
  return cp;
}

char fold_letter(char32_t cp) {
  struct Fold {
    char32_t from;
    char to;
  };
  static constexpr Fold kFolds[] = {
      {U'á', 'a'}, {U'à', 'a'}, {U'â', 'a'}, {U'ä', 'a'}, {U'ã', 'a'}, {U'å', 'a'}, {U'ą', 'a'}, {U'ă', 'a'},
      {U'ạ', 'a'}, {U'ầ', 'a'}, {U'é', 'e'}, {U'è', 'e'}, {U'ê', 'e'}, {U'ë', 'e'}, {U'ę', 'e'}, {U'ě', 'e'},
      {U'ễ', 'e'}, {U'í', 'i'}, {U'ì', 'i'}, {U'î', 'i'}, {U'ï', 'i'}, {U'ı', 'i'}, {U'ó', 'o'}, {U'ò', 'o'},
      {U'ô', 'o'}, {U'ö', 'o'}, {U'õ', 'o'}, {U'ő', 'o'}, {U'ú', 'u'}, {U'ù', 'u'}, {U'û', 'u'}, {U'ü', 'u'},
      {U'ū', 'u'}, {U'ç', 'c'}, {U'ć', 'c'}, {U'č', 'c'}, {U'ñ', 'n'}, {U'ń', 'n'}, {U'ł', 'l'}, {U'ś', 's'},
      {U'š', 's'}, {U'ş', 's'}, {U'ș', 's'}, {U'ż', 'z'}, {U'ź', 'z'}, {U'ž', 'z'}, {U'ț', 't'}, {U'ţ', 't'},
      {U'ğ', 'g'}, {U'ė', 'e'}, {U'Á', 'A'}, {U'É', 'E'}, {U'Í', 'I'}, {U'Ó', 'O'}, {U'Ö', 'O'}, {U'Ú', 'U'},
      {U'Ü', 'U'}, {U'Ç', 'C'}, {U'Ł', 'L'}, {U'Ś', 'S'}, {U'Ş', 'S'}, {U'Ż', 'Z'}, {U'Ž', 'Z'}, {U'Ș', 'S'},
      {U'Ț', 'T'},
  };
  for (const Fold& f : kFolds)
    if (f.from == cp) return f.to;
  return 0;
}

bool is_vowel(char c) {
  switch (std::tolower(static_cast<unsigned char>(c))) {
    case 'a': case 'e': case 'i': case 'o': case 'u': return true;
    default: return false;
  }
}

}  // namespace

std::size_t forename_count(Sex sex) { return sex == Sex::female ? kFemale.size() : kMale.size(); }
std::size_t surname_count() { return kSurnames.size(); }

std::string_view forename(Sex sex, std::size_t index) {
  return sex == Sex::female ? kFemale[index % kFemale.size()] : kMale[index % kMale.size()];
}

std::string surname(std::size_t index, Sex sex) {
  std::string name(kSurnames[index % kSurnames.size()]);
  if (sex == Sex::female && name.size() > 3 && (name.ends_with("ski") || name.ends_with("cki")))
    name.back() = 'a';
  return name;
}

std::span<const std::string_view> spelling_variants(std::string_view name) { return spellings().find(name); }
std::span<const std::string_view> nicknames(std::string_view forename) { return nickname_table().find(forename); }

std::size_t street_name_count() { return kStreetNames.size(); }
std::string_view street_name(std::size_t index) { return kStreetNames[index % kStreetNames.size()]; }

std::string fold_diacritics(std::string_view name) {
  std::string out;
  out.reserve(name.size());
  std::size_t i = 0;
  while (i < name.size()) {
    const std::size_t from = i;
    const char32_t cp = next_code_point(name, i);
    if (cp < 0x80) {
      out += static_cast<char>(cp);
    } else if (const char folded = fold_letter(cp)) {
      out += folded;
    } else {
      out.append(name.substr(from, i - from));
    }
  }
  return out;
}

std::string typo(std::string_view name, Rng& rng) {
  const std::string original(name);
  auto ascii_letter = [&](std::size_t i) {
    return i < original.size() && std::isalpha(static_cast<unsigned char>(original[i])) != 0;
  };
  std::vector<std::size_t> letters;  // positions of ASCII letters after the first character
  for (std::size_t i = 1; i < original.size(); ++i)
    if (ascii_letter(i)) letters.push_back(i);
  if (letters.size() < 2) return original;
  for (int attempt = 0; attempt < 12; ++attempt) {
    std::string out = original;
    const std::size_t at = letters[rng.index(letters.size())];
    switch (rng.below(4)) {
      case 0:  // adjacent letters swapped
        if (ascii_letter(at + 1)) std::swap(out[at], out[at + 1]);
        break;
      case 1:  // a letter doubled
        out.insert(at, 1, out[at]);
        break;
      case 2:  // a double letter made single, else a letter dropped
        if (ascii_letter(at + 1) && out[at] == out[at + 1]) out.erase(at, 1);
        else if (out.size() > 3) out.erase(at, 1);
        break;
      default:  // a vowel confused
        if (is_vowel(out[at])) {
          static constexpr char kVowels[] = "aeiou";
          const bool upper = std::isupper(static_cast<unsigned char>(out[at])) != 0;
          const char v = kVowels[rng.below(5)];
          out[at] = upper ? static_cast<char>(std::toupper(static_cast<unsigned char>(v))) : v;
        }
        break;
    }
    if (out != original) return out;
  }
  std::string out = original;
  out.insert(letters.back(), 1, out[letters.back()]);
  return out;
}

}  // namespace casegraph::synth::names

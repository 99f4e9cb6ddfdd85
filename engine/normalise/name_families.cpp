// The name-family table: one line per family, its canonical spelling first,
// then the variants that records write for the same name. Three kinds of
// variant, all spelling and nothing else:
//  - transliterations of one name from another script (Arabic, Persian,
//    Cyrillic, Greek, Chinese, Korean ...): mohammed / muhammad / mohd;
//  - close cognates a record keeper writes for the same person when
//    anglicising (aleksandr / alexander, piotr / peter, jakub / jacob);
//  - nicknames and short forms (bob, bobby, rob -> robert; liz -> elizabeth).
// Rules for editing: tokens are fold()ed (lower-case ASCII); a token appears
// on one line only (a test checks); a nickname shared by two different given
// names (sam, chris, pat, alex, jo, nicky, charlie, jess, mel, kim ...) is left
// out, so the table never joins two different names. Which culture a line
// comes from is not recorded and nothing may use it: families feed matching
// only as "these spellings are one name".
#include <string_view>
#include <vector>

#include "engine/normalise/name.h"

namespace casegraph::normalise {
namespace {

constexpr std::string_view kFamilies[] = {
    // Given names, Arabic / Persian / Turkish / Urdu / Somali spellings.
    "muhammad mohammed mohammad mohamed mohamad muhammed mohamud mohammod muhamad mohd mahomed mehmet",
    "ahmed ahmad ahmet achmed",
    "yusuf yousef youssef yousuf yusef yousif yussuf",
    "ibrahim ebrahim ibraheem",
    "abdullah abdulla abdallah",
    "abdulrahman abdurahman abdelrahman abdirahman abderrahmane",
    "abdulqadir abdulkadir abdikadir abdelkader",
    "hussein husain hussain husein hossein huseyin",
    "hassan hasan",
    "omar umar omer",
    "usman osman uthman othman",
    "mustafa mustapha mostafa moustafa",
    "khalid khaled",
    "mahmoud mahmood mahmud",
    "hamza hamzah",
    "idris idrees",
    "ismail ismael esmail",
    "suleiman sulaiman suleyman soliman",
    "tariq tarik tareq",
    "bilal belal",
    "jamal jamaal gamal",
    "saeed said saied saeid",
    "syed sayed sayyid sayyed seyed seyyed",
    "rashid rasheed",
    "hamid hameed",
    "walid waleed",
    "majid majeed",
    "faisal faysal feisal",
    "karim kareem",
    "rahim raheem",
    "rahman rehman",
    "shahid shaheed",
    "habib habeeb",
    "mehdi mahdi",
    "musa moses moshe",
    "zainab zaynab zeinab",
    "fatima fatimah fatma fatemeh",
    "aisha ayesha aysha aishah ayisha aicha",
    "khadija khadijah khadeeja hatice",
    "maryam mariam meryem",
    "amina aminah ameena",
    "nur noor nour",
    "samira sameera",
    "layla leila laila leyla lejla",
    "yasmin yasmine yasmeen jasmin jasmine",
    "zahra zehra",
    "nasreen nasrin",
    "tasneem tasnim",
    "rukhsana ruksana",
    "parveen perveen parvin",
    // South Asian spellings.
    "gurpreet gurprit",
    "harpreet harprit",
    "sanjay sanjai",
    "vijay vijai",
    "ajay ajai",
    "deepak dipak",
    "deepika dipika",
    "pradeep pradip",
    "sandeep sandip",
    "lakshmi laxmi",
    "shiva siva shiv",
    // West African short forms.
    "oluwaseun seun",
    "oluwatobi tobi",
    "oluwafemi femi",
    "olufunmilayo funmilayo funmi",
    "oluwakemi kemi",
    "chukwuemeka emeka",
    "chiamaka amaka",
    // Slavic, Greek and other European transliterations and cognates.
    "alexander aleksandr aleksander alexandr oleksandr olexander aleksandar alasdair alistair alastair",
    "alexandra aleksandra oleksandra",
    "dmitri dmitry dmitriy dimitri dmytro dimitrios dimitris",
    "sergei sergey serhiy sergiy",
    "michael mike mikey mick micky mikhail michal mykhailo mihail mihai mikael micheal",
    "yuri yury yuriy iurii jurij",
    "andrew andy drew andrei andrey andriy andrzej",
    "peter pete piotr pyotr petr petro pieter",
    "paul pavel pawel pavlo",
    "jacob jakub jakob yakov yaakov jake",
    "joseph joe joey jozef josef",
    "thomas tom tommy tomasz tomas tomos",
    "catherine katherine kathryn katharine kate katie kathy cathy katarzyna kasia ekaterina yekaterina katya "
    "kateryna katerina",
    "elizabeth elisabeth liz lizzie lizzy beth betty bess bessie eliza libby elzbieta",
    "margaret maggie meg peggy margie malgorzata gosia",
    "natalia natalya nataliya natalie nathalie natasha",
    "olga olha",
    "tatiana tatyana tetiana tanya",
    "elena yelena olena helena alena jelena",
    "anastasia anastasiya nastya",
    "svetlana sveta",
    "vladimir volodymyr wladimir wlodzimierz",
    "nicholas nick nicolas nikolas nikolai nikolay mykola",
    "gregory greg gregor grzegorz grigory hryhoriy",
    "christopher kristopher krzysztof kristof christoph christophe",
    "stanislav stanislaw",
    "george georgios giorgos yiorgos georgi georgiy georg jerzy",
    "victor viktor wiktor",
    "anthony tony antony anton antoni",
    "stephen steven steve stevie stefan stephan",
    "sophia sophie sofia sofiya zofia",
    "christine christina kristina kristine krystyna chrissy",
    "anna ann anne annie anya ania anja",
    "mary maria marie mariya marija mairi",
    // English, Welsh, Irish, Spanish and Italian nicknames and spellings.
    "robert rob robbie bob bobby",
    "william will willie willy bill billy",
    "richard rick ricky richie dick rich",
    "james jim jimmy jimbo",
    "john johnny johnnie jack",
    "jonathan jonathon",
    "edward eddie ted teddy ned",
    "charles chuck chas",
    "benjamin ben benny benji",
    "daniel dan danny danyal daniyal",
    "matthew mathew matt matty mateusz",
    "samuel sammy",
    "david dave davy davey dawid dafydd",
    "patrick paddy padraig patryk",
    "francis frank",
    "francisco paco pancho",
    "jose pepe",
    "giuseppe beppe peppe",
    "giovanni gianni",
    "henry harry hank",
    "lawrence laurence larry",
    "timothy tim timmy",
    "nathaniel nathanael",
    "gerald gerry",
    "raymond ray",
    "ronald ron ronnie",
    "donald don donnie",
    "kenneth ken kenny",
    "leonard len lenny",
    "terence terrence terry",
    "vincent vince vinnie",
    "zachary zach zack zak",
    "joshua josh",
    "oliver ollie olly",
    "frederick fredrick fred freddie freddy",
    "walter walt wally",
    "sean shaun shawn",
    "siobhan shivaun",
    "niamh neve",
    "rebecca becky becca bekah",
    "abigail abby abbie",
    "jennifer jen jenny jenni",
    "deborah debra debbie",
    "susan sue susie suzie",
    "dorothy dot dottie",
    "victoria vicky vicki tori",
    "kimberly kimberley",
    "amanda mandy",
    "stephanie steph stefanie",
    "jacqueline jaqueline jackie",
    "gillian jill",
    "sarah sara",
    "hannah hanna hana",
    "rachel rachael racheal",
    "zoe zoey",
    "isabel isabelle isobel isabella izabela izzy",
    "eleanor elinor eleanore",
    "caroline carolyn carolina karolina",
    "louise louisa luiza",
    "emily emilie",
    // Surnames: transliteration and Mac/Mc spellings.
    "chaudhry chaudhary chaudhri choudhury chowdhury choudhary chaudhari",
    "qureshi quraishi qureishi",
    "siddiqui siddiqi siddique",
    "iqbal ikbal",
    "akhtar akhter",
    "malik malick",
    "sheikh shaikh shaik sheik",
    "lee li yi rhee",
    "park pak bak",
    "choi choe",
    "jung jeong chung",
    "zhang cheung chang",
    "chen chan",
    "zhou chow chou",
    "liu lau",
    "lin lam",
    "macdonald mcdonald",
    "mackenzie mckenzie",
    "macleod mcleod",
    "mackintosh mcintosh",
};

std::vector<std::string_view> split_words(std::string_view line) {
  std::vector<std::string_view> words;
  std::size_t start = 0;
  while (start < line.size()) {
    std::size_t end = line.find(' ', start);
    if (end == std::string_view::npos) end = line.size();
    if (end > start) words.push_back(line.substr(start, end - start));
    start = end + 1;
  }
  return words;
}

struct Table {
  std::vector<std::vector<std::string_view>> words;
  std::vector<NameFamily> families;
  Table() {
    words.reserve(std::size(kFamilies));
    for (std::string_view line : kFamilies) words.push_back(split_words(line));
    families.reserve(words.size());
    for (const auto& w : words)
      families.push_back(NameFamily{w.front(), std::span<const std::string_view>(w).subspan(1)});
  }
};

}  // namespace

std::span<const NameFamily> name_families() {
  static const Table table;
  return table.families;
}

}  // namespace casegraph::normalise

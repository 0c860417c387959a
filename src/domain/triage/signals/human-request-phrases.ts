/**
 * How customers ask for a person instead of a bot or an automated answer, per language. Matched
 * as whole words of the folded text (lower case, punctuation gone; `word*` takes any ending);
 * Chinese phrases match anywhere. Kept to phrases that mean "a human" in a support chat, so that
 * "artificial intelligence" (人工智能) or "a human error" do not count.
 */
export const HUMAN_REQUEST_PHRASES: Readonly<Record<string, readonly string[]>> = {
  en: [
    'talk to a human', 'talk to a person', 'talk to a real person', 'talk to someone', 'talk to somebody', 'talk to an agent',
    'talk to a representative', 'talk to a rep', 'talk to a manager', 'talk with a human', 'talk with someone',
    'speak to a human', 'speak to a person', 'speak to a real person', 'speak to someone', 'speak to somebody',
    'speak to an agent', 'speak to a representative', 'speak with a human', 'speak with a person', 'speak with someone',
    'speak with an agent', 'chat with a human', 'chat with a person', 'chat with someone', 'chat with an agent',
    'real person', 'real human', 'actual person', 'actual human', 'human agent', 'human being', 'live agent', 'live person',
    'live support', 'customer service representative', 'connect me to an agent', 'connect me with an agent',
    'transfer me to an agent', 'transfer me to a human', 'get me a human', 'get me a person', 'i want a human',
    'i need a human', 'not a bot', 'not a robot', 'no more bots', 'stop the bot', 'are you a bot', 'are you a robot',
  ],
  id: [
    'bicara dengan manusia', 'bicara dengan orang', 'bicara dengan agen', 'bicara dengan petugas', 'bicara dengan cs',
    'berbicara dengan manusia', 'berbicara dengan orang', 'berbicara dengan agen', 'berbicara dengan petugas',
    'ngobrol dengan manusia', 'ngobrol sama orang', 'ngomong sama orang', 'ngomong sama manusia', 'bicara sama orang',
    'hubungkan saya dengan agen', 'hubungkan saya ke agen', 'hubungkan dengan petugas', 'sambungkan ke agen',
    'sambungkan dengan petugas', 'sambungkan ke cs', 'agen manusia', 'petugas manusia', 'orang sungguhan', 'orang asli',
    'manusia asli', 'manusia sungguhan', 'bukan bot', 'bukan robot', 'minta operator', 'minta cs', 'mau operator',
  ],
  sv: [
    'prata med en människa', 'prata med en person', 'prata med någon', 'prata med en riktig', 'prata med en handläggare',
    'prata med kundtjänst', 'prata med en agent', 'prata med en chef', 'tala med en människa', 'tala med en person',
    'tala med någon', 'tala med en handläggare', 'chatta med en människa', 'chatta med en person', 'riktig människa',
    'riktig person', 'levande människa', 'mänsklig handläggare', 'koppla mig till en', 'koppla mig vidare',
    'inte en robot', 'inte en bot', 'ingen robot', 'ingen bot',
  ],
  fi: [
    'puhua ihmisen kanssa', 'puhua ihmiselle', 'jutella ihmisen kanssa', 'ihmisen kanssa', 'oikean ihmisen',
    'oikea ihminen', 'oikealle ihmiselle', 'asiakaspalvelijan kanssa', 'asiakaspalvelijalle', 'puhua asiakaspalvelijan',
    'virkailijan kanssa', 'henkilön kanssa', 'yhdistä minut', 'yhdistäkää minut', 'en halua puhua botin',
    'en halua puhua robotin', 'ei bottia', 'ei robottia', 'haluan ihmisen',
  ],
  zh: [
    '人工客服', '转人工', '轉人工', '人工服务', '人工服務', '人工坐席', '找人工', '要人工', '接人工', '真人客服', '真人',
    '客服人员', '客服人員', '客服代表', '和人说话', '和人說話', '跟人说话', '跟人說話', '不要机器人', '不要機器人',
    '不是机器人', '不是機器人', '联系客服', '聯繫客服',
  ],
};
